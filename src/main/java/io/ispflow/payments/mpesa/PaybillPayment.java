package io.ispflow.payments.mpesa;

import java.math.BigDecimal;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A payment made from the M-PESA menu to the company's paybill, as Daraja's C2B validation and
 * confirmation requests carry it. Values are strings in the documentation and numbers in some
 * deliveries, so both are read. The MSISDN is masked (v2) or hashed (v1) and is kept only as sent;
 * the payer is identified by the account number typed ({@code BillRefNumber}).
 */
public record PaybillPayment(String transactionId, String transactionTime, BigDecimal amount, String shortCode,
        String billReference, String maskedMsisdn, String payerName) {

    /** Empty when the document is not a C2B request (no TransID, no amount, no shortcode). */
    static Optional<PaybillPayment> read(JsonNode json) {
        String transactionId = text(json, "TransID");
        String shortCode = text(json, "BusinessShortCode");
        BigDecimal amount;
        try {
            amount = new BigDecimal(text(json, "TransAmount"));
        } catch (RuntimeException notAnAmount) {
            return Optional.empty();
        }
        if (transactionId == null || shortCode == null) {
            return Optional.empty();
        }
        String name = String.join(" ", java.util.stream.Stream.of(text(json, "FirstName"), text(json, "MiddleName"),
                text(json, "LastName")).filter(java.util.Objects::nonNull).toList());
        return Optional.of(new PaybillPayment(transactionId, text(json, "TransTime"), amount, shortCode,
                text(json, "BillRefNumber"), text(json, "MSISDN"), name.isEmpty() ? null : name));
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.path(field);
        if (!value.isValueNode() || value.isNull()) {
            return null;
        }
        String text = value.asText().trim();
        return text.isEmpty() ? null : text;
    }
}
