package io.ispflow.tenancy.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.Locale;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The checks the company and staff requests share, so that both refuse the same input the same way. */
final class StaffFields {

    /** No NUL or other control characters: PostgreSQL refuses NUL, and logs and screens garble the rest. */
    static final String PRINTABLE = "[^\\p{Cntrl}]*";
    static final String PRINTABLE_MESSAGE = "must not contain control characters";

    private StaffFields() {
    }

    /** A Camunda user id: the engine's whitelist, and the length of the {@code profiles} column. */
    @NotBlank
    @Size(max = 64)
    @Pattern(regexp = "[a-zA-Z0-9_-]*", message = "may hold only letters, digits, '_' and '-'")
    @Constraint(validatedBy = {})
    @Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
    @Retention(RetentionPolicy.RUNTIME)
    @interface UserId {
        String message() default "";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};
    }

    @NotBlank
    @Size(max = 100)
    @Pattern(regexp = PRINTABLE, message = PRINTABLE_MESSAGE)
    @Constraint(validatedBy = {})
    @Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
    @Retention(RetentionPolicy.RUNTIME)
    @interface PersonName {
        String message() default "";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};
    }

    @NotBlank
    @Email
    @Size(max = 255)
    @Pattern(regexp = PRINTABLE, message = PRINTABLE_MESSAGE)
    @Constraint(validatedBy = {})
    @Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
    @Retention(RetentionPolicy.RUNTIME)
    @interface StaffEmail {
        String message() default "";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};
    }

    /**
     * One of the enum's values by name, in any case. Numbers are refused: Jackson would otherwise take
     * {@code 1} (or {@code "1"}) as the enum's second value, which for a role is a privilege.
     */
    @Constraint(validatedBy = OneOf.Validator.class)
    @Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
    @Retention(RetentionPolicy.RUNTIME)
    @interface OneOf {
        Class<? extends Enum<?>> value();
        String message() default "";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<OneOf, String> {

            private Class<? extends Enum<?>> type;

            @Override
            public void initialize(OneOf annotation) {
                this.type = annotation.value();
            }

            @Override
            public boolean isValid(String value, ConstraintValidatorContext context) {
                if (value == null || valueOf(type, value) != null) {
                    return true;
                }
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate("must be one of " + Arrays.stream(type.getEnumConstants())
                        .map(c -> c.name().toLowerCase(Locale.ROOT)).toList()).addConstraintViolation();
                return false;
            }
        }
    }

    /** The enum value of this name in any case, or null. */
    static <E extends Enum<?>> E valueOf(Class<E> type, String name) {
        return Arrays.stream(type.getEnumConstants())
                .filter(c -> c.name().equalsIgnoreCase(name.trim())).findFirst().orElse(null);
    }
}
