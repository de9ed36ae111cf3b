package io.ispflow.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Remembers, for a few minutes, what a verified user name and password stand for, so that a bcrypt
 * check (cost 10) is not paid on every API request. A changed password, a deactivation or a changed
 * membership is {@link #forget forgotten} at once ({@link LoginSessions}); {@link #TTL} only bounds how
 * long anything else is remembered. Passwords are kept only as SHA-256 digests, in memory.
 */
final class VerifiedLogins<T> {

    static final Duration TTL = Duration.ofMinutes(5);

    private record Key(String userId, String passwordDigest) {
    }

    private final Cache<Key, T> verified = Caffeine.newBuilder()
            .expireAfterWrite(TTL)
            .maximumSize(10_000)
            .build();
    /** Counts forgets, so that a check that overlapped one does not put back what it removed. */
    private final AtomicLong forgets = new AtomicLong();

    /** What the login stands for: cached, or computed by {@code verify} (which throws or returns null if wrong). */
    T get(String userId, String password, Function<String, T> verify) {
        Key key = new Key(userId, sha256(password));
        T known = verified.getIfPresent(key);
        if (known != null) {
            return known;
        }
        long forgetsBefore = forgets.get();
        T fresh = verify.apply(userId);
        if (fresh != null) {
            verified.put(key, fresh);
            if (forgets.get() != forgetsBefore) {
                // the password may have changed while it was being checked: do not keep the old one
                verified.invalidate(key);
            }
        }
        return fresh;
    }

    /** Forgets every login of this user, so that his next request is checked against the identity again. */
    void forget(String userId) {
        forgets.incrementAndGet();
        verified.asMap().keySet().removeIf(key -> key.userId().equals(userId));
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
