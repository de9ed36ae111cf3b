package io.ispflow.payments.mpesa;

import java.math.BigDecimal;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An STK push result as Daraja posts it, read leniently: {@code ResultCode} is a number or a string
 * ({@code "SFC_IC0003"}), metadata items come in any order and may lack a value, and only a successful
 * result has metadata.
 */
public record StkCallback(String merchantRequestId, String checkoutRequestId, String resultCode, String resultDesc,
        BigDecimal amount, String receiptNumber, String phone) {

    public boolean succeeded() {
        return "0".equals(resultCode);
    }

    /** Reads {@code {"Body": {"stkCallback": {...}}}}; empty when the shape is not an STK callback. */
    public static Optional<StkCallback> read(JsonNode json) {
        JsonNode callback = json.path("Body").path("stkCallback");
        if (!callback.isObject() || !callback.path("CheckoutRequestID").isTextual()
                || callback.path("ResultCode").isMissingNode() || callback.path("ResultCode").isNull()) {
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
                case "Amount" -> amount = new BigDecimal(value.asText());
                case "MpesaReceiptNumber" -> receipt = value.asText();
                case "PhoneNumber" -> phone = "+" + value.asText().replaceAll("\\D", "");
                default -> { }
            }
        }
        return Optional.of(new StkCallback(callback.path("MerchantRequestID").asText(null),
                callback.path("CheckoutRequestID").asText(), callback.path("ResultCode").asText(),
                callback.path("ResultDesc").asText(null), amount, receipt, phone));
    }
}
