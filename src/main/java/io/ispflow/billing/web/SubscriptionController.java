package io.ispflow.billing.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.ispflow.billing.Invoicing;
import io.ispflow.billing.PackageChange;
import io.ispflow.billing.Subscription;
import io.ispflow.billing.SubscriptionNotFound;
import io.ispflow.billing.SubscriptionState;
import io.ispflow.billing.Subscriptions;
import io.ispflow.platform.StaffMember;

/** Clients' subscriptions: where each stands, and whether it renews. */
@RestController
@RequestMapping("/api/subscriptions")
class SubscriptionController {

    private final Subscriptions subscriptions;
    private final Invoicing invoicing;

    SubscriptionController(Subscriptions subscriptions, Invoicing invoicing) {
        this.subscriptions = subscriptions;
        this.invoicing = invoicing;
    }

    /** The company's subscriptions, of one client or in one state (all when neither is given). */
    @GetMapping
    @PreAuthorize(BillingRoles.READERS)
    List<Subscription> list(@RequestParam(required = false) UUID clientId,
            @RequestParam(required = false) SubscriptionState state) {
        if (clientId != null) {
            return subscriptions.liveOf(clientId).filter(s -> state == null || s.state() == state).stream().toList();
        }
        return state == null ? subscriptions.inStates() : subscriptions.inStates(state);
    }

    @GetMapping("/{id}")
    @PreAuthorize(BillingRoles.READERS)
    Subscription one(@PathVariable UUID id) {
        return subscriptions.find(id).orElseThrow(() -> new SubscriptionNotFound(id));
    }

    record AutoRenew(@NotNull Boolean autoRenew) {
    }

    /** Off: the subscription ends with its current period instead of renewing. */
    @PutMapping("/{id}/auto-renew")
    @PreAuthorize(BillingRoles.INVOICERS)
    Subscription autoRenew(@PathVariable UUID id, @Valid @RequestBody AutoRenew request) {
        return subscriptions.setAutoRenew(id, request.autoRenew());
    }

    record PackageChoice(@NotNull UUID servicePackageId) {
    }

    /**
     * Moves the subscription to another package: a dearer one now (unused days credited, the same days at
     * the new rate paid from the wallet), a cheaper one from the next period.
     */
    @PutMapping("/{id}/package")
    @PreAuthorize(BillingRoles.INVOICERS)
    PackageChange changePackage(@PathVariable UUID id, @Valid @RequestBody PackageChoice request,
            @AuthenticationPrincipal StaffMember me) {
        PackageChange change = subscriptions.changePackage(id, request.servicePackageId(), me.userId());
        // the invoice read again once committed: its number is written at commit
        return change.invoice() == null ? change : new PackageChange(change.when(), change.subscription(),
                change.credited(), invoicing.find(change.invoice().id()).orElseThrow());
    }
}
