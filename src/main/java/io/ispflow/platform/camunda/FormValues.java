package io.ispflow.platform.camunda;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * Reads process variables that forms wrote. Camunda Forms in Tasklist send what the browser holds, so
 * the same field may arrive as a number or as text ({@code 2999}, {@code 2999.5}, {@code "2999"}),
 * and a read-only field is sent back as well. These conversions accept all of them.
 */
public final class FormValues {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FormValues() {
    }

    /** The value as trimmed text, or null when absent or blank. */
    public static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().trim();
        return text.isEmpty() ? null : text;
    }

    public static BigDecimal decimal(Object value) {
        String text = text(value);
        return text == null ? null : new BigDecimal(text);
    }

    /**
     * The options of a form's select field ({@code valuesKey}), as a JSON variable: Tasklist hands
     * JSON variables to Camunda Forms as arrays of {@code {label, value}}.
     */
    public static <T> JsonValue selectOptions(List<T> items, Function<T, String> label, Function<T, String> value) {
        var array = JSON.createArrayNode();
        items.forEach(item -> array.addObject().put("label", label.apply(item)).put("value", value.apply(item)));
        return SpinValues.jsonValue(array.toString()).create();
    }

    /** A whole number, or {@code otherwise} when absent. */
    public static int integer(Object value, int otherwise) {
        String text = text(value);
        return text == null ? otherwise : new BigDecimal(text).intValueExact();
    }
}
