package io.ispflow.network.web;

/**
 * Who may do what with the network's devices, ports, events and QoS policies, as Spring Security
 * expressions: network operations and ISP administrators keep them; asset staff and customer support
 * read them.
 */
public final class NetworkRoles {

    public static final String KEEPERS = "hasAnyRole('super_admin','isp_admin','network_operations')";
    public static final String READERS = "hasAnyRole('super_admin','isp_admin','network_operations',"
            + "'infrastructure_asset','customer_support')";

    private NetworkRoles() {
    }
}
