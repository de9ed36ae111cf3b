package io.ispflow.shared;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A received payment was credited to a client's wallet (and settled his open invoices), published by
 * payments' reconciliation through the event publication registry in the crediting transaction.
 * It lives in the shared kernel because the modules that act on it (clients, for the service state)
 * are ones payments itself depends on.
 *
 * @param channel       how it came: {@code mpesa_stk}, {@code mpesa_c2b} or {@code bank}
 * @param paidBy        how it was paid, as people read it: "M-PESA &lt;receipt&gt;" or "bank ref &lt;reference&gt;"
 */
public record PaymentCredited(UUID companyId, UUID clientId, UUID paymentId, BigDecimal amount, String channel,
        String paidBy) {
}
