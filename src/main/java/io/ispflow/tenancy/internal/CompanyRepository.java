package io.ispflow.tenancy.internal;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CompanyRepository extends JpaRepository<CompanyEntity, UUID> {

    Optional<CompanyEntity> findBySlug(String slug);

    /** Read from the database (the column's default is the rate of a new company). */
    @Query("select c.vatRate from CompanyEntity c where c.id = ?1")
    Optional<BigDecimal> findVatRate(UUID id);

    @Query("select c.id from CompanyEntity c where c.active = true order by c.createdAt")
    java.util.List<UUID> findActiveIds();
}
