package io.ispflow.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One row of a client's wallet ledger; {@code amount} is positive, {@code type} says which way. */
public record LedgerEntry(UUID id, UUID clientId, WalletLedger.EntryType type, BigDecimal amount,
        BigDecimal balanceAfter, String description, String reference, String mpesaReceiptNumber, UUID paymentId,
        UUID invoiceId, String createdBy, Instant createdAt) {
}
