package io.ispflow.tenancy;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** What a staff password must be. */
final class PasswordRule {

    static final int MIN_LENGTH = 12;
    /** bcrypt reads no further, and Spring's encoder refuses longer passwords outright. */
    static final int MAX_BYTES = 72;

    private PasswordRule() {
    }

    static void check(String userId, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new PasswordRefused("must be at least " + MIN_LENGTH + " characters long");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new PasswordRefused("must be at most " + MAX_BYTES + " bytes long (UTF-8)");
        }
        if (password.codePoints().anyMatch(Character::isISOControl)) {
            throw new PasswordRefused("must not contain control characters");
        }
        if (password.toLowerCase(Locale.ROOT).equals(userId.toLowerCase(Locale.ROOT))) {
            throw new PasswordRefused("must not be the user name");
        }
    }
}
