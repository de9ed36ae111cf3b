package io.ispflow.payments.mpesa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Daraja reads our answers to its callbacks byte for byte as its documentation shows them. */
class DarajaAnswerTests {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void acknowledgementsCarryANumericResultCode() throws Exception {
        assertThat(json.writeValueAsString(DarajaAnswer.ACCEPTED)).isEqualTo("{\"ResultCode\":0,\"ResultDesc\":\"Accepted\"}");
        assertThat(json.writeValueAsString(DarajaAnswer.SUCCESS)).isEqualTo("{\"ResultCode\":0,\"ResultDesc\":\"Success\"}");
    }

    @Test
    void refusalsAndFailuresAreBothRejected() throws Exception {
        var channel = new DarajaChannel();
        assertThat(json.writeValueAsString(channel.rejected("stk_callback_malformed")))
                .isEqualTo("{\"ResultCode\":1,\"ResultDesc\":\"Rejected\"}");
        assertThat(channel.failed()).isEqualTo(DarajaAnswer.REJECTED);
        assertThat(channel.paths()).containsExactly("/api/payments/mpesa/callback/", "/api/payments/paybill/");
    }

    @Test
    void paybillVerdictsCarryTheResultCodeAsText() throws Exception {
        assertThat(json.writeValueAsString(PaybillInbox.Verdict.ACCEPTED))
                .isEqualTo("{\"ResultCode\":\"0\",\"ResultDesc\":\"Accepted\"}");
        assertThat(json.writeValueAsString(PaybillInbox.Verdict.rejected("C2B00012")))
                .isEqualTo("{\"ResultCode\":\"C2B00012\",\"ResultDesc\":\"Rejected\"}");
    }
}
