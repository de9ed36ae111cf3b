package io.ispflow.demo;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.ispflow.shared.StaffRole;

/** The demo logins: {@code superadmin}, and {@code <slug><short>} per company and role. */
final class DemoLogins {

    static final String PASSWORD = "demo";
    static final String SUPER_ADMIN = "superadmin";
    static final List<String> COMPANY_SLUGS = List.of("acme", "savanna");

    /** Short names of the company roles, as they appear in user ids ({@code acmenoc}). */
    static final Map<StaffRole, String> SHORT_NAMES = Map.of(
            StaffRole.ISP_ADMIN, "admin",
            StaffRole.BILLING_FINANCE, "billing",
            StaffRole.CUSTOMER_SUPPORT, "support",
            StaffRole.SALES_ACCOUNT_MANAGER, "sales",
            StaffRole.NETWORK_OPERATIONS, "noc",
            StaffRole.INFRASTRUCTURE_ASSET, "assets",
            StaffRole.HOTSPOT_ADMIN, "hotspot");

    private DemoLogins() {
    }

    static String userId(String slug, StaffRole role) {
        return slug + SHORT_NAMES.get(role);
    }

    static List<String> all() {
        return Stream.concat(Stream.of(SUPER_ADMIN), COMPANY_SLUGS.stream()
                        .flatMap(slug -> SHORT_NAMES.keySet().stream().map(role -> userId(slug, role))))
                .sorted().toList();
    }
}
