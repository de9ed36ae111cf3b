package io.ispflow.tenancy.web;

import java.util.List;
import java.util.Objects;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.ispflow.platform.StaffMember;
import io.ispflow.platform.TenantContext;
import io.ispflow.shared.StaffRole;
import io.ispflow.tenancy.StaffAccount;
import io.ispflow.tenancy.StaffAccounts;
import io.ispflow.tenancy.StaffChangeForbidden;
import io.ispflow.tenancy.StaffDirectory;
import io.ispflow.tenancy.StaffNotFound;
import io.ispflow.tenancy.StaffProfile;

/**
 * Staff logins of the caller's company, for its {@code isp_admin} (a {@code super_admin}: of any
 * company). A login of another company answers as an unknown one: 404, telling nothing about it.
 */
@RestController
@RequestMapping("/api/staff")
class StaffAccountController {

    static final String ADMINISTRATORS = "hasAnyRole('super_admin','isp_admin')";

    private final StaffDirectory directory;
    private final StaffAccounts accounts;

    StaffAccountController(StaffDirectory directory, StaffAccounts accounts) {
        this.directory = directory;
        this.accounts = accounts;
    }

    record RoleRequest(@NotNull @StaffFields.OneOf(StaffRole.class) String role) {
    }

    /** The company's staff, deactivated and not yet redeemed logins included. */
    @GetMapping
    @PreAuthorize(ADMINISTRATORS)
    List<StaffAccount> list() {
        // a super administrator names the company: without it, row-level security would show him nobody
        TenantContext.requireCompanyId();
        return accounts.staffOfCompany();
    }

    /** Nobody changes his own role: an administrator cannot lock his company out of administration. */
    @PutMapping("/{userId}/role")
    @PreAuthorize(ADMINISTRATORS)
    StaffProfile changeRole(@AuthenticationPrincipal StaffMember me, @PathVariable String userId,
            @Valid @RequestBody RoleRequest request) {
        requireManagedBy(me, userId);
        if (me.userId().equals(userId)) {
            throw new StaffChangeForbidden("Nobody changes his own role; ask another administrator.");
        }
        return accounts.changeRole(userId, StaffFields.valueOf(StaffRole.class, request.role()));
    }

    /** Ends the back-off after failed logins at once, for a user who was locked out by someone's guessing. */
    @PostMapping("/{userId}/unlock")
    @PreAuthorize(ADMINISTRATORS)
    ResponseEntity<Void> unlock(@AuthenticationPrincipal StaffMember me, @PathVariable String userId) {
        requireManagedBy(me, userId);
        accounts.unlock(userId);
        return ResponseEntity.noContent().build();
    }

    /** Takes the login's role and company away; his next request, wherever it comes from, is refused. */
    @PostMapping("/{userId}/deactivate")
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
