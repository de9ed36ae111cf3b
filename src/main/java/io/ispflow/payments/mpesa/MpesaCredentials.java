package io.ispflow.payments.mpesa;

/** Decrypted Daraja credentials, for the Daraja client only; {@link #toString()} hides the secrets. */
record MpesaCredentials(String shortcode, String consumerKey, String consumerSecret, String passkey,
        String environment) {

    @Override
    public String toString() {
        return "MpesaCredentials[shortcode=" + shortcode + ", consumerKey=" + consumerKey + ", environment="
                + environment + ", secrets hidden]";
    }
}
