/**
 * The network side of an ISP: equipment stock and assignment, the inventory of items with their ids
 * and history, installation visits and link checks, field technicians, and provisioning of client
 * service on the network.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Network",
        allowedDependencies = {"platform", "shared", "tenancy"})
@io.ispflow.shared.OwnsTables({"equipment", "equipment_types", "client_equipment", "installations",
        "network_events", "external_users", "inventory_items", "inventory_item_counters", "inventory_history",
        "equipment_poll_state", "interface_statistics", "bandwidth_statistics"})
package io.ispflow.network;
