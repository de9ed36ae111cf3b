package io.ispflow.platform.camunda;

import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.WritableIdentityProvider;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

import io.ispflow.platform.security.LoginSessions;

/**
 * The engine's database identity, telling {@link LoginSessions} about every change that must end a
 * remembered login at once: a saved user (a new password), a removed membership or user. Passwords and
 * memberships also change through Camunda's own doors (the Admin webapp, a user's profile page, the
 * engine REST API), which no code of ours calls; here they all pass.
 */
class LoginForgettingIdentityProvider extends DbIdentityServiceProvider {

    private final LoginSessions sessions;

    LoginForgettingIdentityProvider(LoginSessions sessions) {
        this.sessions = sessions;
    }

    /** Opens this provider for every command, in place of the engine's default. */
    static SessionFactory factory(LoginSessions sessions) {
        return new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return WritableIdentityProvider.class;
            }

            @Override
            public Session openSession() {
                return new LoginForgettingIdentityProvider(sessions);
            }
        };
    }

    @Override
    public IdentityOperationResult saveUser(User user) {
        // a user saved for the first time has no login anyone could remember
        boolean created = user instanceof UserEntity entity && entity.getRevision() == 0;
        IdentityOperationResult result = super.saveUser(user);
        if (!created) {
            sessions.forget(user.getId());
        }
        return result;
    }

    @Override
    public IdentityOperationResult deleteUser(String userId) {
        IdentityOperationResult result = super.deleteUser(userId);
        sessions.forget(userId);
        return result;
    }

    @Override
    public IdentityOperationResult deleteMembership(String userId, String groupId) {
        IdentityOperationResult result = super.deleteMembership(userId, groupId);
        sessions.forget(userId);
        return result;
    }

    @Override
    public IdentityOperationResult deleteTenantUserMembership(String tenantId, String userId) {
        IdentityOperationResult result = super.deleteTenantUserMembership(tenantId, userId);
        sessions.forget(userId);
        return result;
    }

    @Override
    public IdentityOperationResult unlockUser(String userId) {
        IdentityOperationResult result = super.unlockUser(userId);
        // an administrator unlocking in Camunda Admin means our back-off too
        sessions.clearFailures(userId);
        return result;
    }
}
