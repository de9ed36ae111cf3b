package io.ispflow.billing;

import java.util.UUID;

/** No such invoice in the caller's company. */
public class InvoiceNotFound extends RuntimeException {

    public InvoiceNotFound(UUID id) {
        super("No invoice " + id + " in your company.");
    }
}
