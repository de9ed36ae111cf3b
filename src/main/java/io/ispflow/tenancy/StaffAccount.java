package io.ispflow.tenancy;

import java.time.Instant;

import io.ispflow.shared.StaffRole;

/**
 * A staff login as its company's administrator sees it.
 *
 * @param invitationPending   invited, and the password not set yet
 * @param invitationExpiresAt when the pending invitation's link stops working (may be past); else null
 */
public record StaffAccount(String userId, String firstName, String lastName, String email, String phone,
        StaffRole role, boolean active, boolean invitationPending, Instant invitationExpiresAt) {
}
