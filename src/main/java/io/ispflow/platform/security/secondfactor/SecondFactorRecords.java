package io.ispflow.platform.security.secondfactor;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.platform.TenantScope;

/**
 * {@code staff_second_factors} and {@code staff_recovery_codes}. Row-level security shows these rows
 * to platform-scoped transactions only, so every method runs in one, whatever company the calling
 * request works for. Secrets arrive here encrypted already. Uses of a code are single conditional
 * updates, so that of two logins racing with the same code only one wins.
 */
@Component
class SecondFactorRecords {

    /** A staff member's row, secrets still encrypted. */
    record Factor(String secret, String pendingSecret) {

        boolean confirmed() {
            return secret != null;
        }
    }

    /** An unused recovery code of a staff member. */
    record StoredCode(long id, RecoveryCodes.Hashed hashed) {
    }

    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;
    private final TransactionTemplate transaction;

    SecondFactorRecords(JdbcTemplate jdbc, TenantScope tenantScope, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
        this.transaction = new TransactionTemplate(transactions);
    }

    Optional<Factor> find(String userId) {
        return platformWide(tx -> jdbc.query(
                "select secret, pending_secret from staff_second_factors where user_id = ?",
                (row, n) -> new Factor(row.getString(1), row.getString(2)), userId).stream().findFirst());
    }

    /** Keeps a new secret beside the confirmed one (if any), until it is confirmed. */
    void savePending(String userId, String encryptedSecret) {
        platformWide(tx -> jdbc.update("""
                insert into staff_second_factors (user_id, pending_secret, pending_since) values (?, ?, now())
                on conflict (user_id) do update set pending_secret = excluded.pending_secret,
                                                    pending_since = excluded.pending_since""",
                userId, encryptedSecret));
    }

    /**
     * Makes the pending secret the active one, with the step of the confirming code already used, and
     * replaces the recovery codes; false if that secret is no longer the pending one.
     */
    boolean activate(String userId, String encryptedPending, long step, List<RecoveryCodes.Hashed> codes) {
        return Boolean.TRUE.equals(platformWide(tx -> {
            int activated = jdbc.update("""
                    update staff_second_factors
                    set secret = pending_secret, confirmed_at = now(), last_used_step = ?,
                        pending_secret = null, pending_since = null
                    where user_id = ? and pending_secret = ?""", step, userId, encryptedPending);
            if (activated == 0) {
                return false;
            }
            jdbc.update("delete from staff_recovery_codes where user_id = ?", userId);
            jdbc.batchUpdate("insert into staff_recovery_codes (user_id, salt, code_hash) values (?, ?, ?)",
                    codes.stream().map(code -> new Object[] {userId, code.salt(), code.hash()}).toList());
            return true;
        }));
    }

    /** Records the step of an accepted code; false if it, or a later one, was used already. */
    boolean useStep(String userId, long step) {
        return platformWide(tx -> jdbc.update("""
                update staff_second_factors set last_used_step = ?
                where user_id = ? and secret is not null and (last_used_step is null or last_used_step < ?)""",
                step, userId, step)) == 1;
    }

    List<StoredCode> unusedCodes(String userId) {
        return platformWide(tx -> jdbc.query(
                "select id, salt, code_hash from staff_recovery_codes where user_id = ? and used_at is null",
                (row, n) -> new StoredCode(row.getLong(1), new RecoveryCodes.Hashed(row.getBytes(2), row.getBytes(3))),
                userId));
    }

    /** Burns a recovery code; false if it was burnt already. */
    boolean burn(long codeId) {
        return platformWide(tx -> jdbc.update(
                "update staff_recovery_codes set used_at = now() where id = ? and used_at is null", codeId)) == 1;
    }

    private <T> T platformWide(TransactionCallback<T> work) {
        return tenantScope.callPlatformWide(() -> transaction.execute(work));
    }
}
