package io.ispflow.testing;

import java.math.BigDecimal;

/** Daraja messages in their documented shape, for load and crash tests that send thousands of them. */
public final class DarajaPayloads {

    private DarajaPayloads() {
    }

    /** A successful STK callback (numbers where Daraja sends numbers). */
    public static String stkSuccess(String checkoutRequestId, String receipt, BigDecimal amount) {
        return """
                {"Body": {"stkCallback": {"MerchantRequestID": "29115-1", "CheckoutRequestID": "%s", "ResultCode": 0,
                 "ResultDesc": "The service request is processed successfully.", "CallbackMetadata": {"Item": [
                 {"Name": "MpesaReceiptNumber", "Value": "%s"}, {"Name": "Amount", "Value": %s},
                 {"Name": "TransactionDate", "Value": 20261122102115}, {"Name": "PhoneNumber", "Value": 254712345678}]}}}}"""
                .formatted(checkoutRequestId, receipt, amount.toPlainString());
    }
}
