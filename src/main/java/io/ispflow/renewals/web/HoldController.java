package io.ispflow.renewals.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.ispflow.billing.Hold;
import io.ispflow.billing.Subscriptions;
import io.ispflow.platform.StaffMember;
import io.ispflow.renewals.SubscriptionHolds;

/** A subscription's vacation holds: scheduled by admins and finance, read also by support. */
@RestController
@RequestMapping("/api/subscriptions/{id}/holds")
class HoldController {

    private final SubscriptionHolds holds;
    private final Subscriptions subscriptions;

    HoldController(SubscriptionHolds holds, Subscriptions subscriptions) {
        this.holds = holds;
        this.subscriptions = subscriptions;
    }

    record HoldRequest(@NotNull LocalDate startsOn, @NotNull LocalDate endsOn,
            @NotBlank @Size(max = 200) String reason) {
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('super_admin','isp_admin','billing_finance')")
    ResponseEntity<Hold> schedule(@PathVariable UUID id, @Valid @RequestBody HoldRequest request,
            @AuthenticationPrincipal StaffMember me) {
        Hold hold = holds.schedule(id, request.startsOn(), request.endsOn(), request.reason().strip(), me.userId());
        return ResponseEntity.created(URI.create("/api/subscriptions/" + id + "/holds")).body(hold);
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('super_admin','isp_admin','billing_finance','customer_support')")
    List<Hold> list(@PathVariable UUID id) {
        return subscriptions.holds(id);
    }
}
