package io.ispflow.platform.security.secondfactor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;

import dev.samstevens.totp.recovery.RecoveryCodeGenerator;

/**
 * One-time recovery codes ({@code abcd-efgh-ijkl-mnop}, about 80 random bits each) for a staff member
 * who has lost his authenticator. Only salted SHA-256 digests are stored: the codes are random enough
 * that a slow hash would add nothing but a slower login.
 */
final class RecoveryCodes {

    static final int PER_ENROLMENT = 10;
    private static final int SALT_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A stored code: its salt and digest. */
    record Hashed(byte[] salt, byte[] hash) {
    }

    private RecoveryCodes() {
    }

    static List<String> generate() {
        return List.of(new RecoveryCodeGenerator().generateCodes(PER_ENROLMENT));
    }

    static Hashed hash(String code) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new Hashed(salt, digest(salt, code));
    }

    static boolean matches(Hashed stored, String code) {
        return MessageDigest.isEqual(stored.hash(), digest(stored.salt(), code));
    }

    /** Typed back in any case, with or without the dashes and spaces. */
    private static byte[] digest(byte[] salt, String code) {
        String normalised = code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            return sha256.digest(normalised.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
