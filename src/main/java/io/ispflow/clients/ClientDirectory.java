package io.ispflow.clients;

import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Lazy;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ispflow.billing.ServiceCatalogue;
import io.ispflow.clients.internal.AccountNumbers;
import io.ispflow.clients.internal.ClientEntity;
import io.ispflow.clients.internal.ClientReferences;
import io.ispflow.clients.internal.ClientRepository;
import io.ispflow.clients.internal.StatusHistory;
import io.ispflow.clients.process.OnboardingProcess;
import io.ispflow.platform.TenantContext;
import io.ispflow.tenancy.ClientLimitReached;
import io.ispflow.tenancy.LicensePolicy;

/**
 * The client accounts of the company in context. Every method is one transaction; nothing is written
 * unless the whole step succeeds.
 */
@Service
public class ClientDirectory {

    private final ClientRepository clients;
    private final AccountNumbers accountNumbers;
    private final ClientReferences references;
    private final LicensePolicy licensePolicy;
    private final ServiceCatalogue catalogue;
    private final ApplicationEventPublisher events;
    private final StatusHistory statusHistory;
    private final OnboardingProcess onboarding;

    ClientDirectory(ClientRepository clients, AccountNumbers accountNumbers, ClientReferences references,
            LicensePolicy licensePolicy, ServiceCatalogue catalogue, ApplicationEventPublisher events,
            StatusHistory statusHistory, @Lazy OnboardingProcess onboarding) {
        this.clients = clients;
        this.accountNumbers = accountNumbers;
        this.references = references;
        this.licensePolicy = licensePolicy;
        this.catalogue = catalogue;
        this.events = events;
        this.statusHistory = statusHistory;
        this.onboarding = onboarding;
    }

    /**
     * Registers a client: starts his onboarding, which checks the licence limit and creates him in
     * status {@code pending}, waiting for NOC approval. One transaction: a refused registration leaves
     * no client behind.
     *
     * @throws io.ispflow.tenancy.ClientLimitReached when the licence allows no more clients
     * @throws UnknownServicePackage when the package is not the company's
     */
    @Transactional(noRollbackFor = ClientLimitReached.class)
    public ClientDetails register(ClientProfile profile, String registeredBy) {
        UUID clientId = onboarding.start(withPackageRate(profile), registeredBy);
        return find(clientId).orElseThrow();
    }

    /**
     * Creates a client in status {@code pending}, within the company's licence limit. The onboarding
     * process calls this; everyone else registers through {@link #register}. A refusal does not spoil
     * the caller's transaction: the process records it and ends.
     */
    @Transactional(noRollbackFor = ClientLimitReached.class)
    public ClientDetails createPending(ClientProfile profile, String registeredBy) {
        UUID company = TenantContext.requireCompanyId();
        ClientProfile priced = withPackageRate(profile);
        // the account number locks the company's counter first, so the count below cannot race
        String accountNumber = accountNumbers.next(company);
        licensePolicy.checkRoomForAnotherClient(company, clients.countLicensed(company));
        ClientEntity client = clients.saveAndFlush(new ClientEntity(company, accountNumber, priced));
        statusHistory.record(client.id(), null, ClientStatus.PENDING, registeredBy, "Registered");
        events.publishEvent(new ClientRegistered(client.id(), company, accountNumber));
        return client.toDetails();
    }

    /** Clients that occupy a licence slot in the company in context. */
    @Transactional(readOnly = true)
    public long countLicensed() {
        return clients.countLicensed(TenantContext.requireCompanyId());
    }

    @Transactional
    public ClientDetails update(UUID id, ClientProfile profile) {
        ClientEntity client = load(id);
        client.apply(withPackageRate(profile));
        return clients.saveAndFlush(client).toDetails();
    }

    @Transactional
    public void remove(UUID id) {
        ClientEntity client = load(id);
        if (references.exist(id)) {
            throw new ClientHasHistory(client.accountNumber());
        }
        onboarding.cancel(client.companyId(), id, client.accountNumber(), "Client deleted");
        clients.delete(client);
    }

    /**
     * The client, if he belongs to the company in context. Loaded by id, so that the steps of one
     * transaction (a payment's reconciliation asks several times) share one read.
     */
    @Transactional(readOnly = true)
    public Optional<ClientDetails> find(UUID id) {
        UUID company = TenantContext.requireCompanyId();
        return clients.findById(id).filter(client -> client.companyId().equals(company)).map(ClientEntity::toDetails);
    }

    /** The client a customer named by account number (as typed into M-PESA), if any. */
    @Transactional(readOnly = true)
    public Optional<ClientDetails> findByAccountNumber(String accountNumber) {
        return clients.findByCompanyIdAndAccountNumber(TenantContext.requireCompanyId(), accountNumber.trim().toUpperCase())
                .map(ClientEntity::toDetails);
    }

    /** The one client with this phone number; none when no client or several share it. */
    @Transactional(readOnly = true)
    public Optional<ClientDetails> findByPhone(String e164) {
        var matches = clients.findByCompanyIdAndPhone(TenantContext.requireCompanyId(), e164);
        return matches.size() == 1 ? Optional.of(matches.get(0).toDetails()) : Optional.empty();
    }

    @Transactional(readOnly = true)
    public Page<ClientDetails> search(ClientSearch search, Pageable page) {
        return clients.findAll(ClientRepository.matching(TenantContext.requireCompanyId(), search), page)
                .map(ClientEntity::toDetails);
    }

    private ClientEntity load(UUID id) {
        return clients.findByCompanyIdAndId(TenantContext.requireCompanyId(), id)
                .orElseThrow(() -> new ClientNotFound(id));
    }

    private ClientProfile withPackageRate(ClientProfile profile) {
        if (profile.servicePackageId() == null) {
            return profile;
        }
        var servicePackage = catalogue.find(profile.servicePackageId())
                .orElseThrow(() -> new UnknownServicePackage(profile.servicePackageId()));
        if (profile.monthlyRate() != null) {
            return profile;
        }
        return new ClientProfile(profile.name(), profile.email(), profile.phone(), profile.address(),
                profile.county(), profile.subCounty(), profile.clientType(), profile.connectionType(),
                servicePackage.monthlyRate(), profile.servicePackageId(), profile.language());
    }
}
