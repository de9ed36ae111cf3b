package io.ispflow.payments;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A payment to credit to a client: cash at the counter, a bank transfer, or (from reconciliation) an
 * M-PESA receipt.
 */
public record ReceivePayment(UUID clientId, BigDecimal amount, PaymentMethod method, String reference,
        String mpesaReceiptNumber, String payerPhone, Instant paidAt, String notes) {
}
