package io.ispflow.tenancy;

import java.util.UUID;

import io.ispflow.shared.StaffRole;

/** A staff member's profile as the rest of the application sees it. */
public record StaffProfile(UUID id, String userId, String firstName, String lastName, String email, String phone,
        StaffRole role, UUID companyId, boolean active) {
}
