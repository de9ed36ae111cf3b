package io.ispflow.payments.bank;

import static io.ispflow.platform.callbacks.ProviderFields.text;
import static io.ispflow.platform.callbacks.ProviderFields.truncate;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.JsonNode;

import io.ispflow.platform.callbacks.ProviderFields;
import io.ispflow.shared.Msisdn;

/**
 * One call of the bank, in the shape of Family Bank's collections API:
 * {@code {"action": "VALIDATION" | "PAYMENT_NOTIFICATION", "payload": {...}}}. Blank values count as
 * absent; the amount is read as a number or a numeric string and kept only if it can be credited; the
 * payer's phone only if it is one; names and modes are cut to what is stored.
 */
record BankCall(String action, String collectionAccount, String identifier, String reference, String customer,
        BigDecimal amount, String payerName, String payerPhone, String paymentMode) {

    static final String VALIDATION = "VALIDATION";
    static final String PAYMENT_NOTIFICATION = "PAYMENT_NOTIFICATION";

    static BankCall read(JsonNode call) {
        JsonNode payload = call.path("payload");
        String phone = text(payload, "payer_phone");
        return new BankCall(call.path("action").asText(), text(payload, "collection_account"),
                text(payload, "identifier"), text(payload, "txn_reference"), text(payload, "customer_id"),
                ProviderFields.decimal(payload.path("txn_amount"))
                        .flatMap(a -> ProviderFields.creditable(a, ProviderFields.COLUMN_MAX)).orElse(null),
                truncate(text(payload, "payer_name"), 200),
                Msisdn.tryParse(phone).map(Msisdn::e164).orElse(null),
                truncate(text(payload, "payment_mode"), 30));
    }

    /** Whether a payment notification names a reference, a customer and a creditable amount. */
    boolean isCompletePayment() {
        return reference != null && reference.length() <= 64 && customer != null && customer.length() <= 64
                && amount != null;
    }
}
