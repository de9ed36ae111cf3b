package io.ispflow.platform.callbacks;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable path tokens (256 random bits) that name a company in the URLs providers call. */
public final class CallbackTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private CallbackTokens() {
    }

    public static String next() {
        byte[] token = new byte[32];
        RANDOM.nextBytes(token);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }
}
