package io.ispflow.payments.mpesa;

import java.math.BigDecimal;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.ispflow.platform.callbacks.ProviderFields;

/**
 * An STK push result as Daraja posts it, read leniently: {@code ResultCode} is a number or a string
 * ({@code "SFC_IC0003"}), metadata items come in any order and may lack a value, and only a successful
 * result has metadata.
 */
record StkCallback(String merchantRequestId, String checkoutRequestId, String resultCode, String resultDesc,
        BigDecimal amount, String receiptNumber, String phone) {

    boolean succeeded() {
        return "0".equals(resultCode);
    }

    /**
     * Reads {@code {"Body": {"stkCallback": {...}}}}; empty when the shape is not an STK callback or a
     * value cannot be what it claims (an amount that is not a number, a receipt, phone or code longer
     * than any M-PESA issues).
     */
    static Optional<StkCallback> read(JsonNode json) {
        JsonNode callback = json.path("Body").path("stkCallback");
        JsonNode resultCode = callback.path("ResultCode");
        if (!callback.isObject() || !callback.path("CheckoutRequestID").isTextual() || !resultCode.isValueNode()
                || resultCode.isNull()) {
            return Optional.empty();
        }
        BigDecimal amount = null;
        String receipt = null;
        String phone = null;
        for (JsonNode item : callback.path("CallbackMetadata").path("Item")) {
            JsonNode value = item.path("Value");
            if (value.isMissingNode() || value.isNull()) {
                continue;
            }
            switch (item.path("Name").asText()) {
                case "Amount" -> amount = ProviderFields.decimal(value).orElse(INVALID);
                case "MpesaReceiptNumber" -> receipt = value.asText();
                case "PhoneNumber" -> phone = "+" + value.asText().replaceAll("\\D", "");
                default -> { }
            }
        }
        var read = new StkCallback(callback.path("MerchantRequestID").asText(null),
                callback.path("CheckoutRequestID").asText(), resultCode.asText(),
                callback.path("ResultDesc").asText(null), amount, receipt, phone);
        return read.storable() ? Optional.of(read) : Optional.empty();
    }

    /** Stands for an amount that was sent but is not a number. */
    private static final BigDecimal INVALID = new BigDecimal("-1");

    private boolean storable() {
        return amount != INVALID && ProviderFields.fits(checkoutRequestId, 100) && ProviderFields.fits(resultCode, 20)
                && ProviderFields.fits(receiptNumber, 30) && ProviderFields.fits(phone, 16);
    }
}
