package io.ispflow.platform.security;

import java.util.Collection;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.stereotype.Component;

import io.ispflow.platform.StaffMember;
import io.ispflow.platform.security.secondfactor.SecondFactors;
import io.ispflow.shared.StaffRole;

/** The {@link LoginPolicy} applied to a staff member's second factor, for the login endpoint and the webapps. */
@Component
class SecondFactorCheck {

    private final LoginPolicy policy;
    private final SecondFactors secondFactors;

    SecondFactorCheck(LoginPolicy policy, SecondFactors secondFactors) {
        this.policy = policy;
        this.secondFactors = secondFactors;
    }

    /**
     * What a verified password (and code) of this staff member may get at {@code /api/auth/login}:
     * full access without a second factor in his role or with a valid code, enrolment only before he
     * has one; refused with a missing, wrong or used code.
     */
    ApiScope apiScopeFor(StaffMember staff, String code) {
        if (!policy.requiresSecondFactor(staff.roles())) {
            return ApiScope.FULL;
        }
        if (!secondFactors.isEnrolled(staff.userId())) {
            return ApiScope.ENROL;
        }
        if (!secondFactors.verify(staff.userId(), code)) {
            throw new BadCredentialsException("Missing, wrong or used second-factor code");
        }
        return ApiScope.FULL;
    }

    /** Whether a password alone is not enough for these roles (webapps, HTTP Basic). */
    boolean requiredWithPassword(Collection<StaffRole> roles) {
        return !policy.allowsPasswordAlone(roles);
    }

    boolean isEnrolled(String userId) {
        return secondFactors.isEnrolled(userId);
    }

    /** Checks and uses up a code of the user's confirmed second factor. */
    boolean verify(String userId, String code) {
        return secondFactors.verify(userId, code);
    }
}
