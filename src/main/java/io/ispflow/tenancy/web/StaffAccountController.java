package io.ispflow.tenancy.web;

import java.util.Objects;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.ispflow.platform.StaffMember;
import io.ispflow.tenancy.StaffAccounts;
import io.ispflow.tenancy.StaffDirectory;
import io.ispflow.tenancy.StaffNotFound;

/**
 * Staff logins of the caller's company, for its {@code isp_admin} (a {@code super_admin}: of any
 * company). A login of another company answers as an unknown one: 404, telling nothing about it.
 */
@RestController
@RequestMapping("/api/staff/{userId}")
class StaffAccountController {

    static final String ADMINISTRATORS = "hasAnyRole('super_admin','isp_admin')";

    private final StaffDirectory directory;
    private final StaffAccounts accounts;

    StaffAccountController(StaffDirectory directory, StaffAccounts accounts) {
        this.directory = directory;
        this.accounts = accounts;
    }

    /** Ends the back-off after failed logins at once, for a user who was locked out by someone's guessing. */
    @PostMapping("/unlock")
    @PreAuthorize(ADMINISTRATORS)
    ResponseEntity<Void> unlock(@AuthenticationPrincipal StaffMember me, @PathVariable String userId) {
        requireManagedBy(me, userId);
        accounts.unlock(userId);
        return ResponseEntity.noContent().build();
    }

    /** Takes the login's role and company away; his next request, wherever it comes from, is refused. */
    @PostMapping("/deactivate")
    @PreAuthorize(ADMINISTRATORS)
    ResponseEntity<Void> deactivate(@AuthenticationPrincipal StaffMember me, @PathVariable String userId) {
        requireManagedBy(me, userId);
        accounts.deactivate(userId);
        return ResponseEntity.noContent().build();
    }

    private void requireManagedBy(StaffMember me, String userId) {
        directory.profileOfAnyCompany(userId)
                .filter(profile -> me.isSuperAdmin() || Objects.equals(profile.companyId(), me.companyId()))
                .orElseThrow(() -> new StaffNotFound(userId));
    }
}
