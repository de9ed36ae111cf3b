package io.ispflow.tenancy;

import java.util.UUID;

import io.ispflow.shared.StaffRole;

/**
 * Enrol a staff member: a login with one role, in one company (none for super administrators).
 *
 * @param phone E.164, or {@code null} when not known
 */
public record NewStaffMember(String userId, String password, String firstName, String lastName, String email,
        String phone, StaffRole role, UUID companyId) {

    public NewStaffMember(String userId, String password, String firstName, String lastName, String email,
            StaffRole role, UUID companyId) {
        this(userId, password, firstName, lastName, email, null, role, companyId);
    }
}
