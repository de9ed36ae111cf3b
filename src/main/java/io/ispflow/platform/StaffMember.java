package io.ispflow.platform;

import java.util.Set;
import java.util.UUID;

import io.ispflow.shared.StaffRole;

/**
 * The authenticated staff member behind an API request: the Camunda user, the company (Camunda tenant)
 * he works for, his profile (the {@code profiles} row that notifications and messages are addressed to;
 * null for a login without one) and his roles (Camunda groups). A super administrator belongs to no
 * company.
 */
public record StaffMember(String userId, UUID companyId, UUID profileId, Set<StaffRole> roles) {

    public StaffMember {
        roles = Set.copyOf(roles);
    }

    public boolean has(StaffRole role) {
        return roles.contains(role);
    }

    public boolean isSuperAdmin() {
        return has(StaffRole.SUPER_ADMIN);
    }
}
