/**
 * Money coming in: payments by M-PESA, bank and cash, their receipts, and the reconciliation that
 * credits them to client wallets exactly once.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Payments",
        allowedDependencies = {"platform", "shared", "billing", "clients", "tenancy", "messaging"})
@io.ispflow.shared.OwnsTables({"payments", "mpesa_settings", "mpesa_stk_requests", "mpesa_callbacks", "bank_settings", "bank_notifications", "bank_signatures_seen"})
package io.ispflow.payments;
