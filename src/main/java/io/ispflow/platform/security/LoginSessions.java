package io.ispflow.platform.security;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.ispflow.platform.StaffMember;

/**
 * What this node remembers about staff logins: the verified logins of the API and of the engine REST
 * API, and the failed attempts. Whoever changes a password or takes a role away calls
 * {@link #forget}, so that the old credentials or rights stop working on the very next request.
 */
@Component
public class LoginSessions {

    private final VerifiedLogins<StaffMember> apiLogins = new VerifiedLogins<>();
    private final LoginThrottle throttle;

    LoginSessions(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    /**
     * Forgets the user's verified logins now, and once more after the current transaction commits: a
     * request that checks the old password before the commit could otherwise remember it again.
     */
    public void forget(String userId) {
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

    VerifiedLogins<StaffMember> apiLogins() {
        return apiLogins;
    }

    private void forgetNow(String userId) {
        apiLogins.forget(userId);
        CachingHttpBasicAuthenticationProvider.forget(userId);
    }
}
