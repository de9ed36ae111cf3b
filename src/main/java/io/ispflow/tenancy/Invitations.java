package io.ispflow.tenancy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.ispflow.platform.TenantScope;
import io.ispflow.platform.security.SecurityEvents;
import io.ispflow.tenancy.internal.InvitationEntity;
import io.ispflow.tenancy.internal.InvitationRepository;

/**
 * The {@code staff_invitations} table: one-time {@link InvitationTokens}, kept only as hashes, valid
 * for 72 hours. Runs in its callers' transactions ({@link StaffAccounts}), which decide what rolls back.
 */
@Component
class Invitations {

    static final Duration VALID_FOR = Duration.ofHours(72);

    /** An invitation found by its token and still usable. */
    record Open(UUID id, String userId, UUID companyId) {
    }

    private final InvitationRepository invitations;
    private final TenantScope tenantScope;
    private final Clock clock;
    private final SecurityEvents securityEvents;

    Invitations(InvitationRepository invitations, TenantScope tenantScope, Clock clock, SecurityEvents securityEvents) {
        this.invitations = invitations;
        this.tenantScope = tenantScope;
        this.clock = clock;
        this.securityEvents = securityEvents;
    }

    Invitation issue(UUID company, String userId, String invitedBy) {
        String token = InvitationTokens.random();
        Instant now = clock.instant();
        var invitation = new InvitationEntity(userId, InvitationTokens.hash(token), invitedBy, now,
                now.plus(VALID_FOR), company);
        tenantScope.callAs(company, () -> invitations.save(invitation));
        return new Invitation(userId, token, invitation.expiresAt());
    }

    /**
     * The usable invitation with this token. The invitee has no login, so it is looked up in platform
     * scope; an unknown token is a security event (somebody guessing, or a mangled link).
     */
    Open open(String token, String sourceAddress) {
        var found = InvitationTokens.wellFormed(token)
                ? tenantScope.callPlatformWide(() -> invitations.findByTokenHash(InvitationTokens.hash(token)))
                : Optional.<InvitationEntity>empty();
        if (found.isEmpty()) {
            securityEvents.record(null, "invitation_token_unknown", "an invitation was redeemed with an unknown token",
                    sourceAddress);
            throw new InvitationNotFound();
        }
        InvitationEntity invitation = found.get();
        if (invitation.used()) {
            throw new InvitationGone(InvitationGone.Reason.USED);
        }
        if (!invitation.expiresAt().isAfter(clock.instant())) {
            throw new InvitationGone(InvitationGone.Reason.EXPIRED);
        }
        return new Open(invitation.id(), invitation.userId(), invitation.companyId());
    }

    /** Uses the invitation up; of two concurrent redemptions, the second finds it used. */
    void use(Open invitation) {
        Instant now = clock.instant();
        if (tenantScope.callAs(invitation.companyId(), () -> invitations.markUsed(invitation.id(), now)) == 0) {
            throw new InvitationGone(InvitationGone.Reason.USED);
        }
    }

    /** The unused invitations of the company in context: user id → expiry. */
    Map<String, Instant> pending() {
        return invitations.findByUsedAtIsNull().stream().collect(Collectors.toMap(InvitationEntity::userId,
                InvitationEntity::expiresAt, (one, other) -> one.isAfter(other) ? one : other));
    }
}
