package io.ispflow.clients;

import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ispflow.billing.ServiceCatalogue;
import io.ispflow.clients.internal.AccountNumbers;
import io.ispflow.clients.internal.ClientEntity;
import io.ispflow.clients.internal.ClientHistory;
import io.ispflow.clients.internal.ClientRepository;
import io.ispflow.platform.TenantContext;
import io.ispflow.tenancy.LicensePolicy;

/**
 * The client accounts of the company in context. Every method is one transaction; nothing is written
 * unless the whole step succeeds.
 */
@Service
public class ClientDirectory {

    private final ClientRepository clients;
    private final AccountNumbers accountNumbers;
    private final ClientHistory history;
    private final LicensePolicy licensePolicy;
    private final ServiceCatalogue catalogue;
    private final ApplicationEventPublisher events;

    ClientDirectory(ClientRepository clients, AccountNumbers accountNumbers, ClientHistory history,
            LicensePolicy licensePolicy, ServiceCatalogue catalogue, ApplicationEventPublisher events) {
        this.clients = clients;
        this.accountNumbers = accountNumbers;
        this.history = history;
        this.licensePolicy = licensePolicy;
        this.catalogue = catalogue;
        this.events = events;
    }

    /**
     * Registers a client in status {@code pending}, within the company's licence limit.
     *
     * @throws io.ispflow.tenancy.ClientLimitReached when the licence allows no more clients
     * @throws UnknownServicePackage when the package is not the company's
     */
    @Transactional
    public ClientDetails register(ClientProfile profile) {
        UUID company = TenantContext.requireCompanyId();
        ClientProfile priced = withPackageRate(profile);
        // the account number locks the company's counter first, so the count below cannot race
        String accountNumber = accountNumbers.next(company);
        licensePolicy.checkRoomForAnotherClient(company, clients.countLicensed(company));
        ClientEntity client = clients.save(new ClientEntity(company, accountNumber, priced));
        events.publishEvent(new ClientRegistered(client.toDetails().id(), company, accountNumber));
        return client.toDetails();
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
        if (history.exists(id)) {
            throw new ClientHasHistory(client.accountNumber());
        }
        clients.delete(client);
    }

    @Transactional(readOnly = true)
    public Optional<ClientDetails> find(UUID id) {
        return clients.findByCompanyIdAndId(TenantContext.requireCompanyId(), id).map(ClientEntity::toDetails);
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
                servicePackage.monthlyRate(), profile.servicePackageId());
    }
}
