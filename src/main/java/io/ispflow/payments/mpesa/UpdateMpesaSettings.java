package io.ispflow.payments.mpesa;

/**
 * New M-PESA settings. A null or blank secret keeps the one stored; secrets are never read back.
 */
public record UpdateMpesaSettings(String paybillNumber, String shortcode, String consumerKey, String consumerSecret,
        String passkey, String environment, boolean active) {
}
