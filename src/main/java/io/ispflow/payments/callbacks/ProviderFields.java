package io.ispflow.payments.callbacks;

import java.math.BigDecimal;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reading the values providers send, leniently as to form (numbers come as numbers or strings) and
 * strictly as to what can be stored: a value that does not fit its column, or an amount that is not a
 * whole number of cents, is the caller's mistake (400), never a database error.
 */
public final class ProviderFields {

    /** The largest single M-PESA payment (STK push or paybill). */
    public static final BigDecimal MPESA_MAX = new BigDecimal("250000");
    /** The largest amount a {@code numeric(14,2)} column holds. */
    public static final BigDecimal COLUMN_MAX = new BigDecimal("999999999999.99");

    private ProviderFields() {
    }

    /** A decimal number given as a JSON number or a numeric string; empty when it is neither. */
    public static Optional<BigDecimal> decimal(JsonNode value) {
        if (value == null || !(value.isNumber() || value.isTextual())) {
            return Optional.empty();
        }
        try {
            return Optional.of(value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText().trim()));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    /** A positive amount of whole cents, at most {@code max}; scaled to 2 decimals. Empty otherwise. */
    public static Optional<BigDecimal> creditable(BigDecimal amount, BigDecimal max) {
        if (amount == null || amount.signum() <= 0 || amount.compareTo(max) > 0
                || amount.stripTrailingZeros().scale() > 2) {
            return Optional.empty();
        }
        return Optional.of(amount.setScale(2, java.math.RoundingMode.UNNECESSARY));
    }

    /** A field's value as trimmed text; null when it is absent, null, not a value, or blank. */
    public static String text(JsonNode json, String field) {
        JsonNode value = json.path(field);
        if (!value.isValueNode() || value.isNull() || value.asText().isBlank()) {
            return null;
        }
        return value.asText().trim();
    }

    /** An optional text cut to what a column of {@code maxLength} characters stores. */
    public static String truncate(String value, int maxLength) {
        return value == null || value.length() <= maxLength ? value : value.substring(0, maxLength);
    }

    /** Whether an optional text fits a column of {@code maxLength} characters. */
    public static boolean fits(String value, int maxLength) {
        return value == null || value.length() <= maxLength;
    }

    /** Whether a JSON body escapes a NUL character, which PostgreSQL's jsonb and text refuse. */
    static boolean escapesNul(byte[] body) {
        return new String(body, java.nio.charset.StandardCharsets.ISO_8859_1).contains("\\u0000");
    }
}
