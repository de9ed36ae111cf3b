/**
 * What clients pay for and how: the service package catalogue, subscriptions, invoices and the wallet
 * ledger.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Billing",
        allowedDependencies = {"platform", "shared"})
package io.ispflow.billing;
