/**
 * Money coming in: payments by M-PESA, bank and cash, their receipts, and the reconciliation that
 * credits them to client wallets exactly once.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Payments",
        allowedDependencies = {"platform", "shared", "billing", "clients", "tenancy", "messaging"})
package io.ispflow.payments;
