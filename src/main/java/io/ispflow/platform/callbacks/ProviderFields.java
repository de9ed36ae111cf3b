package io.ispflow.platform.callbacks;

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

    /**
     * The fields of an {@code application/x-www-form-urlencoded} body, strictly: UTF-8 only, every
     * percent escape complete, no NUL character, no field twice. Empty when the body is not such a form.
     */
    public static Optional<java.util.Map<String, String>> form(byte[] body) {
        String text;
        try {
            text = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(body)).toString();
        } catch (java.nio.charset.CharacterCodingException notUtf8) {
            return Optional.empty();
        }
        var fields = new java.util.LinkedHashMap<String, String>();
        for (String pair : text.isEmpty() ? new String[0] : text.split("&", -1)) {
            int equals = pair.indexOf('=');
            String name;
            String value;
            try {
                name = decode(equals < 0 ? pair : pair.substring(0, equals));
                value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            } catch (IllegalArgumentException | java.nio.charset.CharacterCodingException malformed) {
                return Optional.empty();
            }
            if (name.isEmpty() || name.indexOf('\0') >= 0 || value.indexOf('\0') >= 0
                    || fields.putIfAbsent(name, value) != null) {
                return Optional.empty();
            }
        }
        return Optional.of(fields);
    }

    /** One form-encoded part: {@code +} is a space, and the bytes of percent escapes must be UTF-8. */
    private static String decode(String part) throws java.nio.charset.CharacterCodingException {
        var bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '%') {
                if (i + 2 >= part.length()) {
                    throw new IllegalArgumentException("incomplete escape");
                }
                bytes.write(java.util.HexFormat.fromHexDigits(part, i + 1, i + 3));
                i += 2;
            } else {
                byte[] plain = String.valueOf(c == '+' ? ' ' : c).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                bytes.write(plain, 0, plain.length);
            }
        }
        return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray())).toString();
    }

    /** Whether a JSON body escapes a NUL character, which PostgreSQL's jsonb and text refuse. */
    static boolean escapesNul(byte[] body) {
        return new String(body, java.nio.charset.StandardCharsets.ISO_8859_1).contains("\\u0000");
    }
}
