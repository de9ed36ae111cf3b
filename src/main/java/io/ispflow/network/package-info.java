/**
 * The network side of an ISP: the inventory of items with their ids and history, client equipment
 * (inventory items assigned to clients), installation visits and link checks, field technicians, QoS
 * policies of packages and clients ({@code qos}), and provisioning of client service on the network.
 * The {@code equipment} table holds the managed network devices.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Network",
        allowedDependencies = {"platform", "shared", "tenancy", "billing"})
@io.ispflow.shared.OwnsTables({"equipment", "equipment_types", "client_equipment", "installations",
        "network_events", "external_users", "inventory_items", "inventory_item_counters", "inventory_history",
        "equipment_poll_state", "interface_statistics", "bandwidth_statistics",
        "qos_policies", "service_package_qos_policies", "client_qos_policies"})
package io.ispflow.network;
