package io.ispflow.platform.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Encrypts secrets at rest with AES-256-GCM: a fresh 96-bit nonce per value, the ciphertext
 * authenticated, the format versioned ({@code v1:} + base64 of nonce and ciphertext). The key comes
 * from the environment; only the default demo run may generate one of its own.
 */
@Component
public class SecretBox {

    private static final Logger log = LoggerFactory.getLogger(SecretBox.class);
    private static final String VERSION = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    SecretBox(SecretsProperties properties, Environment environment) {
        this.key = new SecretKeySpec(loadKey(properties, environment), "AES");
    }

    public String encrypt(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return VERSION + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not encrypt a secret", e);
        }
    }

    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        if (!stored.startsWith(VERSION)) {
            throw new IllegalArgumentException("not an encrypted secret");
        }
        try {
            byte[] raw = Base64.getDecoder().decode(stored.substring(VERSION.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 0, NONCE_BYTES));
            return new String(cipher.doFinal(Arrays.copyOfRange(raw, NONCE_BYTES, raw.length)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored secret could not be decrypted: wrong key or tampered value", e);
        }
    }

    private static byte[] loadKey(SecretsProperties properties, Environment environment) {
        if (properties.key() != null && !properties.key().isBlank()) {
            return checked(Base64.getDecoder().decode(properties.key().trim()));
        }
        boolean demoRun = environment.acceptsProfiles(Profiles.of("default"));
        if (!demoRun) {
            throw new IllegalStateException("No encryption key for stored secrets: set ISP_PLATFORM_SECRETS_KEY"
                    + " to the base64 of 32 random bytes (e.g. `openssl rand -base64 32`).");
        }
        try {
            var file = properties.keyFile().toAbsolutePath();
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                Files.createDirectories(file.getParent());
                Files.writeString(file, Base64.getEncoder().encodeToString(fresh));
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Windows: the file stays with the user's default permissions
                }
                log.warn("Generated a key for stored secrets in {} (demo run only; set ISP_PLATFORM_SECRETS_KEY"
                        + " in production)", file);
            }
            return checked(Base64.getDecoder().decode(Files.readString(file).trim()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] checked(byte[] key) {
        if (key.length != 32) {
            throw new IllegalStateException("the secrets key must be 32 bytes (AES-256), got " + key.length);
        }
        return key;
    }
}
