package io.ispflow.payments.bank;

import java.util.UUID;

/** The active bank collections account a notification path names, with its signing secret decrypted. */
record BankAccount(UUID company, String collectionAccount, String signingSecret) {

    @Override
    public String toString() {
        return "BankAccount[company=" + company + ", collectionAccount=" + collectionAccount + ", secret hidden]";
    }
}
