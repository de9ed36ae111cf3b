package io.ispflow.tenancy.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.ispflow.platform.StaffMember;
import io.ispflow.platform.TenantContext;
import io.ispflow.tenancy.Companies;
import io.ispflow.tenancy.CompanyNotFound;
import io.ispflow.tenancy.StaffAccounts;

/**
 * Staff join by invitation: the company's administrator (a super administrator: of the company in
 * {@code X-Company-Id}) creates the login and gets a one-time link, and the invitee, who has no
 * login yet, sets his password through it. Messaging has no way to reach staff outside the
 * application yet, so the link is shown once to the inviting administrator, who hands it on.
 */
@RestController
@RequestMapping("/api/staff/invitations")
class InvitationController {

    private final StaffAccounts accounts;
    private final Companies companies;

    InvitationController(StaffAccounts accounts, Companies companies) {
        this.accounts = accounts;
        this.companies = companies;
    }

    record RedeemRequest(@NotNull @Size(max = 200) String password) {
    }

    record Redeemed(String userId) {
    }

    @PostMapping
    @PreAuthorize(StaffAccountController.ADMINISTRATORS)
    ResponseEntity<InvitationView> invite(@Valid @RequestBody InvitationRequest request,
            @AuthenticationPrincipal StaffMember me) {
        UUID company = TenantContext.requireCompanyId();
        // a super administrator may name any id in the header: only an existing company takes staff
        companies.find(company).orElseThrow(() -> new CompanyNotFound(company));
        var invitation = accounts.invite(company, request.toInvite(), me.userId());
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(InvitationView.of(invitation));
    }

    /** No login: the token is the credential. */
    @PostMapping("/{token}")
    Redeemed redeem(@PathVariable String token, @Valid @RequestBody RedeemRequest request, HttpServletRequest http) {
        return new Redeemed(accounts.redeem(token, request.password(), http.getRemoteAddr()));
    }
}
