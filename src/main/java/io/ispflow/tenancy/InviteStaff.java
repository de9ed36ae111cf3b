package io.ispflow.tenancy;

import io.ispflow.shared.StaffRole;

/**
 * Invite someone to a company's staff: his login is created at once, and he sets its password himself.
 *
 * @param phone E.164, or {@code null}
 */
public record InviteStaff(String userId, String firstName, String lastName, String email, String phone,
        StaffRole role) {
}
