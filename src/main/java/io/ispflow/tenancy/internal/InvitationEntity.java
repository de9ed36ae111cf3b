package io.ispflow.tenancy.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A one-time invitation to set a login's first password; only the token's SHA-256 is stored. */
@Entity
@Table(name = "staff_invitations")
public class InvitationEntity {

    @Id
    private UUID id;
    private String userId;
    private String tokenHash;
    private String invitedBy;
    private Instant expiresAt;
    private Instant usedAt;
    @Column(name = "isp_company_id")
    private UUID companyId;
    private Instant createdAt;

    protected InvitationEntity() {
    }

    public InvitationEntity(String userId, String tokenHash, String invitedBy, Instant createdAt, Instant expiresAt,
            UUID companyId) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.tokenHash = tokenHash;
        this.invitedBy = invitedBy;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.companyId = companyId;
    }

    public UUID id() {
        return id;
    }

    public String userId() {
        return userId;
    }

    public UUID companyId() {
        return companyId;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public boolean used() {
        return usedAt != null;
    }
}
