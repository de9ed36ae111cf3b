package io.ispflow.messaging.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.SocketTimeoutException;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.junit.jupiter.api.Test;

import io.ispflow.messaging.delivery.SendOutcome;
import io.ispflow.messaging.delivery.SendOutcome.Kind;

/** SMTP replies as RFC 5321 means them: 4xx and trouble on the way pass, 5xx is for good, a refused login waits. */
class SmtpRepliesTests {

    @Test
    void fiveHundredsAreForGood() throws Exception {
        for (int code : new int[] {550, 551, 552, 553, 554}) {
            SendOutcome outcome = SmtpReplies.read(recipientRefused(code));
            assertThat(outcome.kind()).as("%d", code).isEqualTo(Kind.REJECTED);
            assertThat(outcome.statusCode()).isEqualTo(code);
        }
        assertThat(SmtpReplies.read(new SMTPSendFailedException("DATA", 554, "554 5.6.0 Message rejected", null, null,
                null, null)).kind()).isEqualTo(Kind.REJECTED);
    }

    @Test
    void fourHundredsTimeoutsAndServersNotReachedPass() throws Exception {
        assertThat(SmtpReplies.read(recipientRefused(451))).extracting(SendOutcome::kind, SendOutcome::statusCode)
                .containsExactly(Kind.RETRY, 451);
        assertThat(SmtpReplies.read(new MessagingException("read", new SocketTimeoutException("Read timed out"))))
                .extracting(SendOutcome::kind, SendOutcome::reason)
                .containsExactly(Kind.RETRY, "SMTP server did not answer in time");
        assertThat(SmtpReplies.read(new MailConnectException(new org.eclipse.angus.mail.util.SocketConnectException(
                "refused", new ConnectException("Connection refused"), "127.0.0.1", 25, 1000))).kind())
                .isEqualTo(Kind.RETRY);
        assertThat(SmtpReplies.read(new MessagingException("something else")).kind()).isEqualTo(Kind.RETRY);
    }

    @Test
    void aRefusedLoginIsTriedAgainAndSaysSo() {
        SendOutcome outcome = SmtpReplies.read(new AuthenticationFailedException("535 5.7.8 Authentication failed"));
        assertThat(outcome.kind()).isEqualTo(Kind.RETRY);
        assertThat(outcome.reason()).startsWith("the SMTP server refused the account's login");
        assertThat(SmtpReplies.loginRefused(outcome)).isTrue();
        SendOutcome required = SmtpReplies.read(new SMTPSendFailedException("MAIL", 530, "530 5.7.0 Authentication required",
                null, null, null, null));
        assertThat(required.kind()).isEqualTo(Kind.RETRY);
        assertThat(SmtpReplies.loginRefused(required)).isTrue();
    }

    private static SendFailedException recipientRefused(int code) throws Exception {
        var refused = new SMTPAddressFailedException(new InternetAddress("x@client.example"), "RCPT TO:<x@client.example>",
                code, code + " refused");
        return new SendFailedException("Invalid Addresses", refused);
    }
}
