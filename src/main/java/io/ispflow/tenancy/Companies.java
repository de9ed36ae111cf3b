package io.ispflow.tenancy;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ispflow.platform.TenantScope;
import io.ispflow.tenancy.internal.CompanyEntity;
import io.ispflow.tenancy.internal.CompanyRepository;

/** The register of ISP companies. Each company is also a Camunda tenant with the same id. */
@Service
public class Companies {

    private final CompanyRepository companies;
    private final IdentityService identityService;
    private final TenantScope tenantScope;
    private final ColleagueVisibility colleagues;

    Companies(CompanyRepository companies, IdentityService identityService, TenantScope tenantScope,
            ColleagueVisibility colleagues) {
        this.companies = companies;
        this.colleagues = colleagues;
        this.identityService = identityService;
        this.tenantScope = tenantScope;
    }

    /** Registers the company and its tenant; fails with {@link SlugTaken} if the slug is another's. */
    @Transactional
    public Company register(RegisterCompany command) {
        return tenantScope.callPlatformWide(() -> {
            if (companies.findBySlug(command.slug()).isPresent()) {
                throw new SlugTaken(command.slug());
            }
            var entity = companies.save(new CompanyEntity(UUID.randomUUID(), command.name(), command.slug(),
                    command.licenseType(), command.clientLimit()));
            Company company = entity.toCompany();
            var tenant = identityService.newTenant(company.id().toString());
            tenant.setName(company.name());
            identityService.saveTenant(tenant);
            colleagues.companyRegistered(company.id(), company.name());
            return company;
        });
    }

    /** The company, if the caller may see it (his own, or any in platform scope). */
    @Transactional(readOnly = true)
    public Optional<Company> find(UUID id) {
        return companies.findById(id).map(CompanyEntity::toCompany);
    }

    /** Any company, whichever the caller works for (for super administrators). */
    @Transactional(readOnly = true)
    public Optional<Company> findAnyCompany(UUID id) {
        return tenantScope.callPlatformWide(() -> companies.findById(id).map(CompanyEntity::toCompany));
    }

    /** Every company of the installation, by name (platform scope: for super administrators). */
    @Transactional(readOnly = true)
    public List<Company> all() {
        return tenantScope.callPlatformWide(() -> companies.findAll().stream().map(CompanyEntity::toCompany)
                .sorted(Comparator.comparing(Company::name).thenComparing(Company::slug)).toList());
    }

    /** The VAT rate, in percent, that the company's prices include. */
    @Transactional(readOnly = true)
    public BigDecimal vatRate(UUID companyId) {
        return companies.findVatRate(companyId).orElseThrow(() -> new CompanyNotFound(companyId));
    }

    /** The ids of the companies still active (platform scope: for jobs that work through every company). */
    @Transactional(readOnly = true)
    public List<UUID> activeIds() {
        return tenantScope.callPlatformWide(() -> companies.findActiveIds());
    }

    @Transactional(readOnly = true)
    public Optional<Company> findBySlug(String slug) {
        return tenantScope.callPlatformWide(() -> companies.findBySlug(slug).map(CompanyEntity::toCompany));
    }

}
