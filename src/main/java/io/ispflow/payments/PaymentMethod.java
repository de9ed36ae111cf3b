package io.ispflow.payments;

/** How a payment reached the company. */
public enum PaymentMethod {
    MPESA, BANK, CASH, WALLET
}
