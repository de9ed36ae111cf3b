package io.ispflow.shared;

import java.util.Arrays;
import java.util.Optional;

/**
 * The eight staff roles of an ISP. Each is a Camunda group with exactly this id, so that BPMN user
 * tasks name them as candidate groups and Tasklist shows staff the work of their role.
 */
public enum StaffRole {
    SUPER_ADMIN("super_admin", "Super administrator"),
    ISP_ADMIN("isp_admin", "ISP administrator"),
    BILLING_FINANCE("billing_finance", "Billing and finance"),
    CUSTOMER_SUPPORT("customer_support", "Customer support"),
    SALES_ACCOUNT_MANAGER("sales_account_manager", "Sales and account management"),
    NETWORK_OPERATIONS("network_operations", "Network operations (NOC)"),
    INFRASTRUCTURE_ASSET("infrastructure_asset", "Infrastructure and assets"),
    HOTSPOT_ADMIN("hotspot_admin", "Hotspot administration");

    private final String id;
    private final String displayName;

    StaffRole(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    /** The group id in Camunda and the value of the {@code user_role} column. */
    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    /** The Spring Security authority, {@code ROLE_<id>}. */
    public String authority() {
        return "ROLE_" + id;
    }

    public static Optional<StaffRole> fromId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }
}
