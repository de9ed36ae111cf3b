package io.ispflow.shared;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;

/**
 * A phone number in E.164 form ({@code +254712345678}). Numbers are read the way Kenyans write them:
 * {@code 0712 345 678}, {@code 254712345678}, {@code +254 712 345678}; numbers of other countries need
 * their {@code +} prefix.
 */
public record Msisdn(String e164) {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final String DEFAULT_REGION = "KE";

    public Msisdn {
        if (e164 == null || !e164.matches("\\+[1-9]\\d{6,14}")) {
            throw new IllegalArgumentException("not an E.164 number: " + e164);
        }
    }

    /** Parses a number as typed by staff or customers; fails with a message fit for a form. */
    public static Msisdn parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("a phone number is required");
        }
        String input = raw.trim();
        // M-PESA and many systems write Kenyan numbers as 2547XXXXXXXX, without the plus
        if (input.matches("254\\d{9}")) {
            input = "+" + input;
        }
        try {
            var number = PHONES.parse(input, DEFAULT_REGION);
            if (!PHONES.isValidNumber(number)) {
                throw new IllegalArgumentException("is not a valid phone number");
            }
            return new Msisdn(PHONES.format(number, PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            throw new IllegalArgumentException("is not a phone number");
        }
    }

    /** The number, or empty when {@link #parse} would refuse it. */
    public static java.util.Optional<Msisdn> tryParse(String raw) {
        try {
            return java.util.Optional.of(parse(raw));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    public static boolean isValid(String raw) {
        return tryParse(raw).isPresent();
    }

    /** The number without the plus, as M-PESA wants it ({@code 254712345678}). */
    public String digits() {
        return e164.substring(1);
    }

    @Override
    public String toString() {
        return e164;
    }
}
