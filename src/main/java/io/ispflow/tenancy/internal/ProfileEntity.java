package io.ispflow.tenancy.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.ispflow.shared.StaffRole;
import io.ispflow.tenancy.StaffProfile;

@Entity
@Table(name = "profiles")
public class ProfileEntity {

    @Id
    private UUID id;
    private String userId;
    private String firstName;
    private String lastName;
    private String email;
    private String phone;
    private StaffRole role;
    @Column(name = "isp_company_id")
    private UUID companyId;
    @Column(name = "is_active")
    private boolean active;
    private Instant createdAt;

    protected ProfileEntity() {
    }

    public ProfileEntity(String userId, String firstName, String lastName, String email, String phone,
            StaffRole role, UUID companyId) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.firstName = firstName;
        this.lastName = lastName;
        this.email = email;
        this.phone = phone;
        this.role = role;
        this.companyId = companyId;
        this.active = true;
        this.createdAt = Instant.now();
    }

    /** The login was taken away; the profile stays for the history it is named in. */
    public void deactivate() {
        this.active = false;
    }

    public void changeRole(StaffRole role) {
        this.role = role;
    }

    public StaffProfile toProfile() {
        return new StaffProfile(id, userId, firstName, lastName, email, phone, role, companyId, active);
    }
}
