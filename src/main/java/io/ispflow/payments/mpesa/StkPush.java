package io.ispflow.payments.mpesa;

import java.math.BigDecimal;

/**
 * Ask a customer's phone to pay: {@code accountReference} (at most 12 characters, shown on the prompt)
 * is the client's account number; the amount is whole shillings.
 */
record StkPush(String phoneDigits, BigDecimal amount, String accountReference, String description,
        String callbackToken) {
}
