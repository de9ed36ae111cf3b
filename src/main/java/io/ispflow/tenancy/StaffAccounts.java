package io.ispflow.tenancy;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ispflow.platform.security.LoginSessions;

/**
 * The life of a staff login after enrolment: password changes, unlock and deactivation. Every change
 * takes effect on the very next request ({@link LoginSessions}). Who may change whom is decided by the
 * callers (the API's role and company checks).
 */
@Service
public class StaffAccounts {

    private final StaffDirectory directory;
    private final StaffLogins logins;
    private final LoginSessions loginSessions;

    StaffAccounts(StaffDirectory directory, StaffLogins logins, LoginSessions loginSessions) {
        this.directory = directory;
        this.logins = logins;
        this.loginSessions = loginSessions;
    }

    /** Sets a new password; the old one is refused from the next request on. */
    @Transactional
    public void changePassword(String userId, String newPassword) {
        logins.setPassword(userId, newPassword);
        loginSessions.forget(userId);
    }

    /** Takes role and company away, keeping user and profile for the history; no login works any more. */
    @Transactional
    public void deactivate(String userId) {
        if (!directory.exists(userId)) {
            throw new StaffNotFound(userId);
        }
        logins.removeMemberships(userId);
        directory.profileDeactivated(userId);
        loginSessions.forget(userId);
    }

    /** Ends every back-off on the login after failed attempts, ours and any lock the engine still holds. */
    @Transactional
    public void unlock(String userId) {
        if (!directory.exists(userId)) {
            throw new StaffNotFound(userId);
        }
        loginSessions.clearFailures(userId);
        logins.unlock(userId);
        loginSessions.forget(userId);
    }
}
