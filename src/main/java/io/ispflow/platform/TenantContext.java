package io.ispflow.platform;

import java.util.Optional;
import java.util.UUID;

/**
 * The ISP company the current thread works for. Set by the web layer from the authenticated staff
 * member, by process delegates from the process instance's tenant, and by platform jobs through
 * {@link TenantScope}. Every transaction hands it to PostgreSQL, whose row-level security filters
 * tenant tables by it.
 */
public final class TenantContext {

    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

    private TenantContext() {
    }

    /** What the thread may see: one company's rows, or (platform scope) the tenant registry itself. */
    public record Scope(UUID companyId, boolean platform) {

        public static Scope company(UUID companyId) {
            return new Scope(companyId, false);
        }

        public static Scope platformWide() {
            return new Scope(null, true);
        }
    }

    public static Optional<UUID> currentCompanyId() {
        Scope scope = CURRENT.get();
        return scope == null ? Optional.empty() : Optional.ofNullable(scope.companyId());
    }

    /**
     * The company of the current thread. Only a super administrator's request can lack one (he names
     * the company in a header), so that is what the failure says.
     */
    public static UUID requireCompanyId() {
        return currentCompanyId().orElseThrow(NoCompanySelected::new);
    }

    static Scope current() {
        return CURRENT.get();
    }

    static void set(Scope scope) {
        if (scope == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(scope);
        }
    }
}
