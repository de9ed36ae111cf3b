/**
 * Client accounts of an ISP: registration (within the licence limit), contact details, account numbers
 * customers type into M-PESA, and the lifecycle status.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Clients",
        allowedDependencies = {"platform", "shared", "tenancy", "billing", "network", "messaging"})
@io.ispflow.shared.OwnsTables({"clients", "client_account_numbers", "client_status_changes"})
package io.ispflow.clients;
