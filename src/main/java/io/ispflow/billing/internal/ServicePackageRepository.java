package io.ispflow.billing.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ServicePackageRepository extends JpaRepository<ServicePackageEntity, UUID> {

    Optional<ServicePackageEntity> findByCompanyIdAndId(UUID companyId, UUID id);

    List<ServicePackageEntity> findByCompanyIdAndActiveTrueOrderByMonthlyRate(UUID companyId);
}
