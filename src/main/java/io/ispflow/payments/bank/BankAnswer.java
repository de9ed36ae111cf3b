package io.ispflow.payments.bank;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** How we answer the bank, in its collections API's words; absent parts are left out. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record BankAnswer(@JsonProperty("status_code") String statusCode,
        @JsonProperty("status_description") String statusDescription,
        @JsonProperty("payment_ref") String paymentRef,
        @JsonProperty("date_time") String dateTime,
        @JsonProperty("payload") Customer payload) {

    /** The customer a validation found. */
    record Customer(@JsonProperty("identifier") String identifier,
            @JsonProperty("identifier_type") String identifierType,
            @JsonProperty("customer_id") String customerId,
            @JsonProperty("customer_name") String customerName) {
    }

    static BankAnswer accountFound(Customer customer, String dateTime) {
        return new BankAnswer("ACCOUNT_FOUND", "ACCOUNT IS VALID", null, dateTime, customer);
    }

    static BankAnswer accountNotFound(String dateTime) {
        return new BankAnswer("ACCOUNT_NOT_FOUND", "ACCOUNT NOT FOUND", null, dateTime, null);
    }

    static BankAnswer paymentReceived(String paymentRef, String dateTime) {
        return new BankAnswer("PAYMENT_ACK", "Payment Transaction Received Successfully.", paymentRef, dateTime, null);
    }

    static BankAnswer rejected(String reason) {
        return new BankAnswer("REJECTED", reason, null, null, null);
    }

    static BankAnswer failed() {
        return new BankAnswer("FAILED", "Temporary failure, please retry", null, null, null);
    }
}
