package io.ispflow.billing;

/**
 * What renewing a subscription at the end of its period did: the next period's invoice was paid from
 * the wallet, or is waiting to be paid, or the subscription was not renewed (auto-renew off).
 */
public record Renewal(Outcome outcome, Subscription subscription, Invoice invoice) {

    public enum Outcome {
        PAID, UNPAID, ENDED
    }
}
