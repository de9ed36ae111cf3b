package io.ispflow.payments.integration;

/** Daraja accepted an STK push: the prompt is on the customer's phone; the result comes by callback. */
public record StkPushAccepted(String merchantRequestId, String checkoutRequestId, String customerMessage) {
}
