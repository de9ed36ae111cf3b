package io.ispflow.payments.mpesa;

/** Daraja accepted an STK push: the prompt is on the customer's phone; the result comes by callback. */
record StkPushAccepted(String merchantRequestId, String checkoutRequestId, String customerMessage) {
}
