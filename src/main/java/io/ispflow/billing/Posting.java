package io.ispflow.billing;

import java.util.UUID;

/**
 * What a ledger entry is about. Only {@code description} and {@code createdBy} are always given.
 *
 * @param reference          an external reference (bank reference, invoice number, …)
 * @param mpesaReceiptNumber the M-PESA receipt a payment entry credits (credited once at most)
 */
public record Posting(String description, String reference, String mpesaReceiptNumber, UUID paymentId,
        UUID invoiceId, String createdBy) {

    public static Posting of(String description, String createdBy) {
        return new Posting(description, null, null, null, null, createdBy);
    }
}
