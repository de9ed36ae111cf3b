package io.ispflow.platform.database;

import java.util.Locale;

import jakarta.persistence.AttributeConverter;

/**
 * Stores a Java enum as the lower-case value the database domains use ({@code 'pending'},
 * {@code 'network_operations'}). Each enum declares an auto-applied subclass.
 */
public abstract class LowerCaseEnumConverter<E extends Enum<E>> implements AttributeConverter<E, String> {

    private final Class<E> type;

    protected LowerCaseEnumConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(E value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public E convertToEntityAttribute(String column) {
        return column == null ? null : Enum.valueOf(type, column.toUpperCase(Locale.ROOT));
    }
}
