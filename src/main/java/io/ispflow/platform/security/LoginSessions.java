package io.ispflow.platform.security;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.ispflow.platform.StaffMember;

/**
 * What this node remembers about staff logins: the verified logins of the API and of the engine REST
 * API, what valid API tokens stand for, and the failed attempts. Whoever changes a password or takes a role away calls
 * {@link #forget}, so that the old credentials or rights stop working on the very next request: on
 * this node at once, on the other nodes of a cluster within about a second ({@link LoginRevocations}).
 */
@Component
public class LoginSessions {

    private final VerifiedLogins<StaffMember> apiLogins = new VerifiedLogins<>();
    private final VerifiedLogins<StaffMember> tokenLogins = new VerifiedLogins<>();
    private final LoginThrottle throttle;
    private final LoginRevocations revocations;
    private final ApiSessions apiSessions;

    LoginSessions(LoginThrottle throttle, LoginRevocations revocations, ApiSessions apiSessions) {
        this.throttle = throttle;
        this.revocations = revocations;
        this.apiSessions = apiSessions;
    }

    /**
     * Forgets the user's verified logins now, and once more after the current transaction commits: a
     * request that checks the old password before the commit could otherwise remember it again. Other
     * nodes learn of it from the database once the transaction commits. His API tokens are revoked
     * in the same transaction.
     */
    public void forget(String userId) {
        revocations.record(userId);
        apiSessions.revokeAll(userId);
        forgetNow(userId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    forgetNow(userId);
                }
            });
        }
    }

    /** Forgets the user's failed logins from every source address: the back-off ends at once. */
    public void clearFailures(String userId) {
        throttle.forgetFailures(userId);
    }

    /** Forgets, on this node, the logins revoked on any node. */
    @Scheduled(fixedDelay = 1_000, initialDelay = 1_000)
    void forgetRevokedElsewhere() {
        revocations.sinceLastAsked().forEach(this::forgetNow);
    }

    VerifiedLogins<StaffMember> apiLogins() {
        return apiLogins;
    }

    /** What valid API tokens stand for, keyed by user and token. */
    VerifiedLogins<StaffMember> tokenLogins() {
        return tokenLogins;
    }

    private void forgetNow(String userId) {
        apiLogins.forget(userId);
        tokenLogins.forget(userId);
        CachingHttpBasicAuthenticationProvider.forget(userId);
    }
}
