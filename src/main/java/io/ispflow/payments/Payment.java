package io.ispflow.payments;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A payment received, with the invoices it settled. */
public record Payment(UUID id, String receiptNumber, UUID clientId, BigDecimal amount, PaymentMethod method,
        String status, String reference, String mpesaReceiptNumber, String payerPhone, Instant paidAt,
        String recordedBy, List<Settled> settled) {

    /** What the payment paid on one invoice. */
    public record Settled(String invoiceNumber, BigDecimal amount) {
    }
}
