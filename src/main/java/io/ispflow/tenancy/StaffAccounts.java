package io.ispflow.tenancy;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ispflow.platform.security.LoginSessions;
import io.ispflow.shared.StaffRole;

/**
 * The life of a staff login after enrolment: invitation, first password, password changes, role
 * changes, unlock and deactivation. Every change takes effect on the very next request
 * ({@link LoginSessions}). Who may change whom is decided by the callers (the API's role and company
 * checks); what nobody may do is refused here.
 */
@Service
public class StaffAccounts {

    private static final String NO_SUPER_ADMINS = "Super administrators belong to no company: company staff do not"
            + " become one, nor the other way round.";
    private final StaffDirectory directory;
    private final StaffLogins logins;
    private final Invitations invitations;
    private final LoginSessions loginSessions;

    StaffAccounts(StaffDirectory directory, StaffLogins logins, Invitations invitations, LoginSessions loginSessions) {
        this.directory = directory;
        this.logins = logins;
        this.invitations = invitations;
        this.loginSessions = loginSessions;
    }

    /**
     * Creates the login with a password nobody knows (a token's 256 random bits, never kept), and an
     * invitation to set one. All or nothing: a failure leaves neither login nor profile behind.
     */
    @Transactional
    public Invitation invite(UUID company, InviteStaff invitee, String invitedBy) {
        if (invitee.role() == StaffRole.SUPER_ADMIN) {
            throw new StaffChangeForbidden(NO_SUPER_ADMINS);
        }
        if (directory.exists(invitee.userId())) {
            throw new StaffIdTaken(invitee.userId());
        }
        directory.enrol(new NewStaffMember(invitee.userId(), InvitationTokens.random(), invitee.firstName(),
                invitee.lastName(), invitee.email(), invitee.phone(), invitee.role(), company));
        return invitations.issue(company, invitee.userId(), invitedBy);
    }

    /**
     * Sets the invitee's first password and uses the invitation up; returns his user id. An unknown
     * token is recorded as a security event, which must outlive the refusal: hence no rollback for it.
     */
    @Transactional(noRollbackFor = InvitationNotFound.class)
    public String redeem(String token, String password, String sourceAddress) {
        Invitations.Open invitation = invitations.open(token, sourceAddress);
        PasswordRule.check(invitation.userId(), password);
        if (directory.profileOfAnyCompany(invitation.userId()).filter(StaffProfile::active).isEmpty()) {
            throw new InvitationGone(InvitationGone.Reason.WITHDRAWN);
        }
        invitations.use(invitation);
        logins.setPassword(invitation.userId(), password);
        loginSessions.forget(invitation.userId());
        return invitation.userId();
    }

    /** Sets a new password; the old one is refused from the next request on. */
    @Transactional
    public void changePassword(String userId, String newPassword) {
        PasswordRule.check(userId, newPassword);
        logins.setPassword(userId, newPassword);
        loginSessions.forget(userId);
    }

    /** Another role: group and profile change together; the old role's rights end with the next request. */
    @Transactional
    public StaffProfile changeRole(String userId, StaffRole role) {
        StaffProfile profile = directory.profileOfAnyCompany(userId).orElseThrow(() -> new StaffNotFound(userId));
        if (role == StaffRole.SUPER_ADMIN || profile.companyId() == null) {
            throw new StaffChangeForbidden(NO_SUPER_ADMINS);
        }
        if (!profile.active()) {
            throw new StaffInactive(userId);
        }
        logins.switchRole(userId, role);
        directory.roleChanged(userId, role);
        loginSessions.forget(userId);
        return directory.profileOfAnyCompany(userId).orElseThrow();
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

    /** The staff of the company in context, with their pending invitations. */
    @Transactional(readOnly = true)
    public List<StaffAccount> staffOfCompany() {
        var pending = invitations.pending();
        return directory.staffOfCompany().stream().map(p -> new StaffAccount(p.userId(), p.firstName(), p.lastName(),
                p.email(), p.phone(), p.role(), p.active(), pending.containsKey(p.userId()), pending.get(p.userId())))
                .toList();
    }
}
