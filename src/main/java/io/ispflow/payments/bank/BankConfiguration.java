package io.ispflow.payments.bank;

/**
 * A company's bank collections settings as staff see them: the signing secret is never shown.
 *
 * @param notificationPath the company's unguessable path that the bank posts validations and payments to
 */
public record BankConfiguration(String bankName, String collectionAccount, boolean signingSecretSet,
        String notificationPath, boolean active) {
}
