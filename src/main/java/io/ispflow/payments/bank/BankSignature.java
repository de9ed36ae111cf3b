package io.ispflow.payments.bank;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How the bank signs its calls: {@code X-Bank-Signature} is the hex HMAC-SHA256, under the company's
 * signing secret, of {@code X-Bank-Timestamp + "." + body}, the timestamp in Unix seconds and the body's
 * bytes as sent.
 */
public final class BankSignature {

    private BankSignature() {
    }

    /** HMAC-SHA256, under the secret, of {@code timestamp + "." + body}. */
    public static byte[] sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Whether the hex {@code signature} (any case, surrounding blanks ignored) is the one of this call. */
    static boolean matches(String secret, String timestamp, String signature, byte[] body) {
        byte[] given;
        try {
            given = HexFormat.of().parseHex(normalized(signature));
        } catch (IllegalArgumentException notHex) {
            given = new byte[0];
        }
        return MessageDigest.isEqual(sign(secret, timestamp.trim(), body), given);
    }

    /** The signature as it is remembered against replays. */
    static String normalized(String signature) {
        return signature == null ? "" : signature.trim().toLowerCase(Locale.ROOT);
    }
}
