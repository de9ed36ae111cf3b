package io.ispflow.billing;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ispflow.billing.internal.ServicePackageEntity;
import io.ispflow.billing.internal.ServicePackageRepository;
import io.ispflow.platform.TenantContext;

/** The service packages the company in context offers. */
@Service
public class ServiceCatalogue {

    private final ServicePackageRepository packages;

    ServiceCatalogue(ServicePackageRepository packages) {
        this.packages = packages;
    }

    @Transactional
    public ServicePackage add(NewServicePackage p) {
        UUID company = TenantContext.requireCompanyId();
        return packages.save(new ServicePackageEntity(company, p.name(), p.description(), p.connectionType(),
                p.downloadMbps(), p.uploadMbps(), p.monthlyRate())).toPackage();
    }

    @Transactional(readOnly = true)
    public Optional<ServicePackage> find(UUID id) {
        return packages.findByCompanyIdAndId(TenantContext.requireCompanyId(), id).map(ServicePackageEntity::toPackage);
    }

    @Transactional(readOnly = true)
    public List<ServicePackage> offered() {
        return packages.findByCompanyIdAndActiveTrueOrderByMonthlyRate(TenantContext.requireCompanyId()).stream()
                .map(ServicePackageEntity::toPackage).toList();
    }
}
