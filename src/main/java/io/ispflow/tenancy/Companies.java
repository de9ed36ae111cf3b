package io.ispflow.tenancy;

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

    @Transactional
    public Company register(RegisterCompany command) {
        return tenantScope.callPlatformWide(() -> {
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

    @Transactional(readOnly = true)
    public Optional<Company> findBySlug(String slug) {
        return tenantScope.callPlatformWide(() -> companies.findBySlug(slug).map(CompanyEntity::toCompany));
    }

}
