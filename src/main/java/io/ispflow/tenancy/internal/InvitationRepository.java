package io.ispflow.tenancy.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface InvitationRepository extends JpaRepository<InvitationEntity, UUID> {

    Optional<InvitationEntity> findByTokenHash(String tokenHash);

    List<InvitationEntity> findByUsedAtIsNull();

    /** Marks the invitation used unless it is already: 0 when another request was first. */
    @Modifying(flushAutomatically = true)
    @Query("update InvitationEntity i set i.usedAt = :now where i.id = :id and i.usedAt is null")
    int markUsed(@Param("id") UUID id, @Param("now") Instant now);
}
