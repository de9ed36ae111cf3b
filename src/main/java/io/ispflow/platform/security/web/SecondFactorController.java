package io.ispflow.platform.security.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.ispflow.platform.StaffMember;
import io.ispflow.platform.security.ApiScope;
import io.ispflow.platform.security.ApiSessions;
import io.ispflow.platform.security.secondfactor.Enrolment;
import io.ispflow.platform.security.secondfactor.SecondFactors;

/**
 * A staff member enrols his own second factor: {@code POST /api/auth/second-factor} hands out a new
 * secret (shown once), {@code POST /api/auth/second-factor/confirm} activates it with a code from the
 * app and hands out the recovery codes (shown once). Reachable with an enrolment-only token.
 */
@RestController
@RequestMapping("/api/auth/second-factor")
class SecondFactorController {

    private final SecondFactors secondFactors;
    private final ApiSessions sessions;

    SecondFactorController(SecondFactors secondFactors, ApiSessions sessions) {
        this.secondFactors = secondFactors;
        this.sessions = sessions;
    }

    record Confirmation(@NotBlank String code) {

        @Override
        public String toString() {
            return "Confirmation[code hidden]";
        }
    }

    record RecoveryCodes(List<String> recoveryCodes) {

        @Override
        public String toString() {
            return "RecoveryCodes[hidden]";
        }
    }

    @PostMapping
    Enrolment enrol(@AuthenticationPrincipal StaffMember me) {
        return secondFactors.enrol(me.userId());
    }

    @PostMapping("/confirm")
    RecoveryCodes confirm(@AuthenticationPrincipal StaffMember me, @Valid @RequestBody Confirmation body) {
        List<String> codes = secondFactors.confirm(me.userId(), body.code().trim());
        // an enrolment-only token has served its purpose; from now on a login takes a code, so that
        // a password alone can no longer replace the second factor
        sessions.revokeAll(me.userId(), ApiScope.ENROL);
        return new RecoveryCodes(codes);
    }
}
