package io.ispflow.payments.mpesa;

/**
 * A company's M-PESA settings as staff see them: secrets are never shown, only whether they are set.
 *
 * @param callbackPath the company's unguessable path for Daraja callbacks, to register with Safaricom
 */
public record MpesaConfiguration(String paybillNumber, String shortcode, String consumerKey, boolean consumerSecretSet,
        boolean passkeySet, String environment, String callbackPath, boolean active) {
}
