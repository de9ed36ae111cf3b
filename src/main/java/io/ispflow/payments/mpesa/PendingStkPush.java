package io.ispflow.payments.mpesa;

import java.math.BigDecimal;
import java.util.UUID;

/** An STK push that M-PESA accepted: the customer has the prompt; the result follows by callback. */
public record PendingStkPush(UUID id, String checkoutRequestId, UUID clientId, String phone, BigDecimal amount,
        String accountReference, String status, String customerMessage) {
}
