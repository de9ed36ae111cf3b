package io.ispflow.tenancy.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.ispflow.tenancy.Company;
import io.ispflow.tenancy.LicenseType;

@Entity
@Table(name = "isp_companies")
public class CompanyEntity {

    @Id
    private UUID id;
    private String name;
    private String slug;
    private LicenseType licenseType;
    private int clientLimit;
    @Column(name = "is_active")
    private boolean active;
    /** Percent included in the company's prices; set by the database and by administrators, not here. */
    @Column(insertable = false, updatable = false)
    private BigDecimal vatRate;
    private Instant createdAt;
    private Instant updatedAt;

    protected CompanyEntity() {
    }

    public CompanyEntity(UUID id, String name, String slug, LicenseType licenseType, int clientLimit) {
        this.id = id;
        this.name = name;
        this.slug = slug;
        this.licenseType = licenseType;
        this.clientLimit = clientLimit;
        this.active = true;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    public Company toCompany() {
        return new Company(id, name, slug, licenseType, clientLimit, active);
    }
}
