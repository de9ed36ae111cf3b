package io.ispflow.tenancy;

import java.util.UUID;

import io.ispflow.shared.StaffRole;

/** Enrol a staff member: a login with one role, in one company (none for super administrators). */
public record NewStaffMember(String userId, String password, String firstName, String lastName, String email,
        StaffRole role, UUID companyId) {
}
