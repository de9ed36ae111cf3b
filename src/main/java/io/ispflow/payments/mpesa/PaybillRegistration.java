package io.ispflow.payments.mpesa;

/** The C2B URLs registered with Daraja for a shortcode. */
public record PaybillRegistration(String shortcode, String confirmationUrl, String validationUrl,
        String originatorConversationId) {
}
