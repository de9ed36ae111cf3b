package io.ispflow.billing.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.ispflow.billing.ServicePackage;

@Entity
@Table(name = "service_packages")
public class ServicePackageEntity {

    @Id
    private UUID id;
    private String name;
    private String description;
    private String connectionType;
    private int downloadMbps;
    private int uploadMbps;
    private BigDecimal monthlyRate;
    @Column(name = "is_active")
    private boolean active;
    @Column(name = "isp_company_id")
    private UUID companyId;
    private Instant createdAt;
    private Instant updatedAt;

    protected ServicePackageEntity() {
    }

    public ServicePackageEntity(UUID companyId, String name, String description, String connectionType,
            int downloadMbps, int uploadMbps, BigDecimal monthlyRate) {
        this.id = UUID.randomUUID();
        this.companyId = companyId;
        this.name = name;
        this.description = description;
        this.connectionType = connectionType;
        this.downloadMbps = downloadMbps;
        this.uploadMbps = uploadMbps;
        this.monthlyRate = monthlyRate;
        this.active = true;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    public ServicePackage toPackage() {
        return new ServicePackage(id, name, description, connectionType, downloadMbps, uploadMbps, monthlyRate,
                active);
    }
}
