/**
 * What clients pay for and how: the service package catalogue, subscriptions, invoices and the wallet
 * ledger.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Billing",
        allowedDependencies = {"platform", "shared", "tenancy"})
@io.ispflow.shared.OwnsTables({"service_packages", "invoices", "document_numbers", "payment_allocations",
        "wallet_transactions", "wallet_balances", "client_service_assignments", "subscriptions", "subscription_holds"})
package io.ispflow.billing;
