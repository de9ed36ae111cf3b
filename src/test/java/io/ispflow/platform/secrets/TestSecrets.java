package io.ispflow.platform.secrets;

import org.springframework.core.env.StandardEnvironment;

/**
 * The key for stored secrets that tests give the applications they start, and the application's own
 * encryption with it, for seeding a database directly (as the owner would) with secrets it can read.
 */
public final class TestSecrets {

    /** Base64 of 32 bytes; for tests only. */
    public static final String KEY = "dGVzdC1vbmx5LWtleS0zMi1ieXRlcy1sb25nLSEhISE=";

    private static final SecretBox BOX = new SecretBox(new SecretsProperties(KEY, null), new StandardEnvironment());

    private TestSecrets() {
    }

    /** The secret as the application stores it under {@link #KEY}. */
    public static String encrypt(String plaintext) {
        return BOX.encrypt(plaintext);
    }
}
