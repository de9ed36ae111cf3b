package io.ispflow.clients;

/** A client with invoices, payments, equipment or wallet entries is kept for the record; disconnect him instead. */
public class ClientHasHistory extends RuntimeException {

    public ClientHasHistory(String accountNumber) {
        super("Client " + accountNumber + " has billing, payment or equipment history and cannot be deleted;"
                + " disconnect the client instead.");
    }
}
