package io.ispflow.tenancy.web;

import java.time.Instant;

import io.ispflow.tenancy.Invitation;

/**
 * A fresh invitation as the inviting administrator sees it, this once: messaging cannot reach staff
 * outside the application yet, so he hands the link on himself.
 */
record InvitationView(String userId, String token, String link, Instant expiresAt) {

    static InvitationView of(Invitation invitation) {
        return new InvitationView(invitation.userId(), invitation.token(), invitation.path(), invitation.expiresAt());
    }
}
