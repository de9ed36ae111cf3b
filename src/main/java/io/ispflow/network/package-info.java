/**
 * The network side of an ISP: equipment stock and assignment, installation visits and link checks,
 * field technicians, and provisioning of client service on the network.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Network",
        allowedDependencies = {"platform", "shared", "tenancy"})
package io.ispflow.network;
