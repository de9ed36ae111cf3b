package io.ispflow.platform;

import java.time.Duration;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * Whether an ISP company exists, for requests that name one (a super administrator's
 * {@value CompanyHeader#NAME}). Every company is a Camunda tenant with the same id, so the platform asks
 * Camunda's identity rather than the tenancy module's table. Only companies found are remembered, and
 * briefly: a company registered a moment ago is found on the next request.
 */
@Component
public class KnownCompanies {

    private static final Duration REMEMBERED = Duration.ofMinutes(1);

    private final IdentityService identity;
    private final Cache<UUID, Boolean> found = Caffeine.newBuilder()
            .expireAfterWrite(REMEMBERED)
            .maximumSize(10_000)
            .build();

    KnownCompanies(IdentityService identity) {
        this.identity = identity;
    }

    public boolean exists(UUID companyId) {
        if (found.getIfPresent(companyId) != null) {
            return true;
        }
        boolean exists = identity.createTenantQuery().tenantId(companyId.toString()).count() > 0;
        if (exists) {
            found.put(companyId, Boolean.TRUE);
        }
        return exists;
    }
}
