package io.ispflow.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Remembers, for a few minutes, what a verified user name and password stand for, so that a bcrypt
 * check (cost 10) is not paid on every API request. Like the Camunda webapps'
 * login cache: a changed password or membership takes effect within {@link #TTL}. Passwords are kept
 * only as SHA-256 digests, in memory.
 */
final class VerifiedLogins<T> {

    static final Duration TTL = Duration.ofMinutes(5);

    private final Cache<String, T> verified = Caffeine.newBuilder()
            .expireAfterWrite(TTL)
            .maximumSize(10_000)
            .build();

    /** What the login stands for: cached, or computed by {@code verify} (which throws or returns null if wrong). */
    T get(String userId, String password, Function<String, T> verify) {
        String key = userId + ':' + sha256(password);
        T known = verified.getIfPresent(key);
        if (known != null) {
            return known;
        }
        T fresh = verify.apply(userId);
        if (fresh != null) {
            verified.put(key, fresh);
        }
        return fresh;
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
