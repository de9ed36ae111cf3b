package io.ispflow.payments.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The bank's collections API as we read and answer it, and its signature, without a server. */
class BankWireFormatTests {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aPaymentNotificationIsReadLeniently() throws Exception {
        BankCall call = BankCall.read(json.readTree("""
                {"action": "PAYMENT_NOTIFICATION", "payload": {"collection_account": " 0123456789 ",
                 "txn_reference": "FT2401", "customer_id": "ACC-1", "txn_amount": "1500.5",
                 "payer_phone": "0712345678", "payer_name": "", "payment_mode": "RTGS"}}"""));

        assertThat(call.action()).isEqualTo(BankCall.PAYMENT_NOTIFICATION);
        assertThat(call.collectionAccount()).isEqualTo("0123456789");
        assertThat(call.amount()).isEqualTo(new BigDecimal("1500.50"));
        assertThat(call.payerPhone()).isEqualTo("+254712345678");
        assertThat(call.payerName()).isNull();
        assertThat(call.isCompletePayment()).isTrue();
    }

    @Test
    void anAmountThatCannotBeCreditedMakesANotificationIncomplete() throws Exception {
        BankCall call = BankCall.read(json.readTree("""
                {"action": "PAYMENT_NOTIFICATION", "payload": {"txn_reference": "FT2401", "customer_id": "ACC-1",
                 "txn_amount": "-5"}}"""));

        assertThat(call.amount()).isNull();
        assertThat(call.isCompletePayment()).isFalse();
    }

    @Test
    void answersLeaveOutWhatTheyDoNotCarry() throws Exception {
        assertThat(json.writeValueAsString(BankAnswer.rejected("bank_ipn_bad_signature")))
                .isEqualTo("{\"status_code\":\"REJECTED\",\"status_description\":\"bank_ipn_bad_signature\"}");
        assertThat(json.writeValueAsString(new BankChannel().failed()))
                .isEqualTo("{\"status_code\":\"FAILED\",\"status_description\":\"Temporary failure, please retry\"}");
        assertThat(json.writeValueAsString(BankAnswer.paymentReceived("7f0c", "2026-01-05 10:00:00"))).isEqualTo(
                "{\"status_code\":\"PAYMENT_ACK\",\"status_description\":\"Payment Transaction Received Successfully.\","
                        + "\"payment_ref\":\"7f0c\",\"date_time\":\"2026-01-05 10:00:00\"}");
        assertThat(json.writeValueAsString(BankAnswer.accountFound(
                new BankAnswer.Customer("ACC-1", "ACCOUNT_NUMBER", "ACC-1", "JANE W"), "2026-01-05 10:00:00")))
                .isEqualTo("{\"status_code\":\"ACCOUNT_FOUND\",\"status_description\":\"ACCOUNT IS VALID\","
                        + "\"date_time\":\"2026-01-05 10:00:00\",\"payload\":{\"identifier\":\"ACC-1\","
                        + "\"identifier_type\":\"ACCOUNT_NUMBER\",\"customer_id\":\"ACC-1\",\"customer_name\":\"JANE W\"}}");
    }

    @Test
    void aSignatureMatchesInAnyCaseAndOnlyForItsBody() {
        byte[] body = "{\"action\":\"VALIDATION\"}".getBytes(StandardCharsets.UTF_8);
        String signature = HexFormat.of().formatHex(BankSignature.sign("secret", "1767600000", body));

        assertThat(BankSignature.matches("secret", " 1767600000 ", " " + signature.toUpperCase() + " ", body)).isTrue();
        assertThat(BankSignature.matches("other", "1767600000", signature, body)).isFalse();
        assertThat(BankSignature.matches("secret", "1767600001", signature, body)).isFalse();
        assertThat(BankSignature.matches("secret", "1767600000", "not hex", body)).isFalse();
        assertThat(BankSignature.matches("secret", "1767600000", null, body)).isFalse();
    }
}
