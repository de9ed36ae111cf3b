package io.ispflow.tenancy.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ProfileRepository extends JpaRepository<ProfileEntity, UUID> {

    Optional<ProfileEntity> findByUserId(String userId);

    /** Every profile the transaction may see: one company's staff under row-level security. */
    List<ProfileEntity> findAllByOrderByUserId();
}
