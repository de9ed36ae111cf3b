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

    /**
     * What the thread may see: one company's rows, or (platform scope) the tenant registry itself; and
     * whose it is ({@code userId}, a staff member's profile id), for the rows only their own addressee or
     * parties may see (notifications, internal messages). System work has no user.
     */
    public record Scope(UUID companyId, boolean platform, UUID userId) {

        public static Scope company(UUID companyId) {
            return new Scope(companyId, false, null);
        }

        /** A staff member acting for a company (his own, or the one a super administrator names). */
        public static Scope staff(UUID companyId, UUID profileId) {
            return new Scope(companyId, false, profileId);
        }

        public static Scope platformWide() {
            return new Scope(null, true, null);
        }
    }

    public static Optional<UUID> currentCompanyId() {
        Scope scope = CURRENT.get();
        return scope == null ? Optional.empty() : Optional.ofNullable(scope.companyId());
    }

    /** The staff member (profile id) the current thread acts for; empty in system work. */
    public static Optional<UUID> currentUserId() {
        Scope scope = CURRENT.get();
        return scope == null ? Optional.empty() : Optional.ofNullable(scope.userId());
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
