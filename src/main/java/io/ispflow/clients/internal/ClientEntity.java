package io.ispflow.clients.internal;

import io.ispflow.shared.Language;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.ispflow.clients.ClientDetails;
import io.ispflow.clients.ClientProfile;
import io.ispflow.clients.ClientStatus;
import io.ispflow.clients.ClientType;
import io.ispflow.clients.ConnectionType;

@Entity
@Table(name = "clients")
public class ClientEntity {

    @Id
    private UUID id;
    @Column(name = "isp_company_id", updatable = false)
    private UUID companyId;
    @Column(updatable = false)
    private String accountNumber;
    private String name;
    private String email;
    private String phone;
    private String address;
    private String county;
    private String subCounty;
    private ClientStatus status;
    private ClientType clientType;
    private ConnectionType connectionType;
    private BigDecimal monthlyRate;
    private UUID servicePackageId;
    private Language language;
    @Version
    private Long version;
    private Instant createdAt;
    private Instant updatedAt;

    protected ClientEntity() {
    }

    public ClientEntity(UUID companyId, String accountNumber, ClientProfile profile) {
        this.id = UUID.randomUUID();
        this.companyId = companyId;
        this.accountNumber = accountNumber;
        this.status = ClientStatus.PENDING;
        this.createdAt = Instant.now();
        apply(profile);
    }

    public void apply(ClientProfile profile) {
        this.name = profile.name().trim();
        this.email = profile.email() == null || profile.email().isBlank() ? null : profile.email().trim();
        this.phone = profile.phone().e164();
        this.address = profile.address().trim();
        this.county = profile.county().trim();
        this.subCounty = profile.subCounty().trim();
        this.clientType = profile.clientType();
        this.connectionType = profile.connectionType();
        this.monthlyRate = profile.monthlyRate();
        this.servicePackageId = profile.servicePackageId();
        this.language = profile.language() == null ? Language.EN : profile.language();
        this.updatedAt = Instant.now();
    }

    /** The package the client's subscription is on now, and its rate. */
    public void servedOn(UUID packageId, BigDecimal rate) {
        this.servicePackageId = packageId;
        this.monthlyRate = rate;
        this.updatedAt = Instant.now();
    }

    public String accountNumber() {
        return accountNumber;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public UUID companyId() {
        return companyId;
    }

    public ClientStatus status() {
        return status;
    }

    public BigDecimal monthlyRate() {
        return monthlyRate;
    }

    /** Moves the client along its lifecycle; the caller has checked that the move is allowed. */
    public void moveTo(ClientStatus next) {
        this.status = next;
        this.updatedAt = Instant.now();
    }

    public ClientDetails toDetails() {
        return new ClientDetails(id, accountNumber, name, email, phone, address, county, subCounty, status,
                clientType, connectionType, monthlyRate, servicePackageId, language, createdAt, updatedAt);
    }
}
