package io.ispflow.payments;

import java.util.UUID;

/** No such payment in the caller's company. */
public class PaymentNotFound extends RuntimeException {

    public PaymentNotFound(UUID id) {
        super("No payment " + id + " in your company.");
    }
}
