package io.ispflow.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.platform.TenantScope;

/**
 * The tokens of {@code /api/auth/login} ({@code api_sessions}): 256 random bits, of which only the
 * SHA-256 digest is stored, so that a copy of the table lets nobody in. A token lives for a fixed time
 * from the login ({@link LoginPolicy#apiTokenLifetime}); use does not extend it, so a leaked token is
 * worth minutes, and a second factor is asked again at the next login. Every request looks the token
 * up, so a revocation (logout, a changed password) holds on every node at once. The rows are visible
 * to platform-scoped transactions only.
 */
@Component
public class ApiSessions {

    private static final int TOKEN_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A token that is valid now: whose it is and what it may do. */
    record Session(String userId, ApiScope scope) {
    }

    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final LoginPolicy policy;

    ApiSessions(JdbcTemplate jdbc, TenantScope tenantScope, PlatformTransactionManager transactions, Clock clock,
            LoginPolicy policy) {
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.policy = policy;
    }

    IssuedToken issue(String userId, ApiScope scope) {
        byte[] random = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(policy.apiTokenLifetime());
        platformWide(tx -> {
            // a login is a fine moment to drop the rows nobody can use any more
            jdbc.update("delete from api_sessions where expires_at < ?", Timestamp.from(now.minusSeconds(86_400)));
            return jdbc.update("""
                    insert into api_sessions (token_hash, user_id, scope, created_at, expires_at)
                    values (?, ?, ?, ?, ?)""",
                    digest(token), userId, scope.id(), Timestamp.from(now), Timestamp.from(expiresAt));
        });
        return new IssuedToken(token, expiresAt, scope);
    }

    /** The session of a token that is neither expired nor revoked. */
    Optional<Session> find(String token) {
        return platformWide(tx -> jdbc.query("""
                select user_id, scope from api_sessions
                where token_hash = ? and revoked_at is null and expires_at > ?""",
                (row, n) -> new Session(row.getString(1), ApiScope.fromId(row.getString(2))),
                digest(token), Timestamp.from(clock.instant())).stream().findFirst());
    }

    /** Ends the token's session at once (a logout). */
    void revoke(String token) {
        platformWide(tx -> jdbc.update(
                "update api_sessions set revoked_at = ? where token_hash = ? and revoked_at is null",
                Timestamp.from(clock.instant()), digest(token)));
    }

    /** Ends every session of the user (his password changed, or he lost his login). */
    public void revokeAll(String userId) {
        platformWide(tx -> jdbc.update(
                "update api_sessions set revoked_at = ? where user_id = ? and revoked_at is null",
                Timestamp.from(clock.instant()), userId));
    }

    /** Ends the user's sessions of one scope (his enrolment-only tokens, once he has a second factor). */
    public void revokeAll(String userId, ApiScope scope) {
        platformWide(tx -> jdbc.update("""
                update api_sessions set revoked_at = ? where user_id = ? and scope = ? and revoked_at is null""",
                Timestamp.from(clock.instant()), userId, scope.id()));
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T platformWide(TransactionCallback<T> work) {
        return tenantScope.callPlatformWide(() -> transaction.execute(work));
    }
}
