package io.ispflow.payments.mpesa;

import static io.ispflow.platform.callbacks.ProviderFields.text;

import java.math.BigDecimal;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.ispflow.platform.callbacks.ProviderFields;

/**
 * A payment made from the M-PESA menu to the company's paybill, as Daraja's C2B validation and
 * confirmation requests carry it. Values are strings in the documentation and numbers in some
 * deliveries, so both are read. The MSISDN is masked (v2) or hashed (v1) and is kept only as sent;
 * the payer is identified by the account number typed ({@code BillRefNumber}).
 */
record PaybillPayment(String transactionId, String transactionTime, BigDecimal amount, String shortCode,
        String billReference, String maskedMsisdn, String payerName) {

    /**
     * Empty when the document is not a C2B request: no TransID (or one longer than a receipt number),
     * no shortcode, an amount that is not a number.
     */
    static Optional<PaybillPayment> read(JsonNode json) {
        String transactionId = text(json, "TransID");
        String shortCode = text(json, "BusinessShortCode");
        BigDecimal amount = ProviderFields.decimal(json.path("TransAmount")).orElse(null);
        if (transactionId == null || !ProviderFields.fits(transactionId, 30) || shortCode == null || amount == null) {
            return Optional.empty();
        }
        String name = String.join(" ", java.util.stream.Stream.of(text(json, "FirstName"), text(json, "MiddleName"),
                text(json, "LastName")).filter(java.util.Objects::nonNull).toList());
        return Optional.of(new PaybillPayment(transactionId, text(json, "TransTime"), amount, shortCode,
                text(json, "BillRefNumber"), text(json, "MSISDN"), name.isEmpty() ? null : name));
    }

    /** The amount as it can be credited (positive, whole cents, within M-PESA's limit), if it is one. */
    Optional<BigDecimal> creditableAmount() {
        return ProviderFields.creditable(amount, ProviderFields.MPESA_MAX);
    }
}
