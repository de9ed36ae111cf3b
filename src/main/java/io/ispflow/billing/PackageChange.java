package io.ispflow.billing;

import java.math.BigDecimal;

/**
 * What changing a subscription's package did. An upgrade applies at once: the unused days of the
 * period at the old rate are credited to the wallet ({@code credited}) and the same days at the new
 * rate are invoiced and paid from it ({@code invoice}). A downgrade (or a package at the same price)
 * waits for the next period: nothing is credited or invoiced.
 */
public record PackageChange(When when, Subscription subscription, BigDecimal credited, Invoice invoice) {

    public enum When {
        NOW, NEXT_PERIOD
    }
}
