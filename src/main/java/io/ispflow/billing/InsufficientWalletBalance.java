package io.ispflow.billing;

import java.math.BigDecimal;

/** A debit or refund larger than what the client's wallet holds. */
public class InsufficientWalletBalance extends RuntimeException {

    public InsufficientWalletBalance(BigDecimal balance, BigDecimal amount) {
        super("The wallet holds KES " + balance.toPlainString() + ", less than KES " + amount.toPlainString());
    }
}
