package io.ispflow.platform.callbacks;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.platform.TenantScope;

/**
 * Which company a provider's path token names: every call to an intake needs it before anything else,
 * so a node remembers a token it has looked up for {@link #MEMORY}. Saving a company's settings forgets
 * them all on that node once the change commits; the other nodes forget within that time, so a
 * deactivated path stops working everywhere within it.
 */
public final class TokenCompanies {

    public static final Duration MEMORY = Duration.ofSeconds(30);

    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;
    private final TransactionTemplate readOnly;
    private final String query;
    private final Cache<String, UUID> companies = Caffeine.newBuilder()
            .expireAfterWrite(MEMORY).maximumSize(10_000).build();

    /**
     * @param query the company of an active setting with the token (one parameter), read in platform scope
     */
    public TokenCompanies(JdbcTemplate jdbc, TenantScope tenantScope, PlatformTransactionManager transactions,
            String query) {
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.query = query;
    }

    public Optional<UUID> companyOf(String token) {
        UUID known = companies.getIfPresent(token);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<UUID> company = tenantScope.callPlatformWide(() -> readOnly.execute(status -> jdbc.queryForList(
                query, UUID.class, token).stream().findFirst()));
        company.ifPresent(found -> companies.put(token, found));
        return company;
    }

    /** Forgets every token once the current transaction (which saved settings) commits. */
    public void forgetAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                companies.invalidateAll();
            }
        });
    }
}
