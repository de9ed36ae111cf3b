package io.ispflow.messaging.email;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Set;

import jakarta.mail.AuthenticationFailedException;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;

import io.ispflow.messaging.delivery.SendOutcome;

/**
 * What an SMTP server's refusal means for the message (RFC 5321): a 4xx reply, a time-out or a server
 * not reached may pass, so the message is tried again later; a 5xx reply (550 mailbox unavailable, 553
 * mailbox name not allowed, 554 transaction failed...) is for good. A refused login (535, or 530, 534,
 * 538 asking for one) is tried again too: the account may be put right meanwhile.
 */
final class SmtpReplies {

    /** Replies about the login rather than the message. */
    static final Set<Integer> LOGIN = Set.of(530, 534, 535, 538);

    private SmtpReplies() {
    }

    static SendOutcome read(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof AuthenticationFailedException) {
                return SendOutcome.retry("the SMTP server refused the account's login: " + firstLine(cause), 535);
            }
            int code = replyCode(cause);
            if (LOGIN.contains(code)) {
                return SendOutcome.retry("the SMTP server refused the account's login: " + firstLine(cause), code);
            }
            if (code >= 500 && code < 600) {
                return SendOutcome.rejected("SMTP " + firstLine(cause), code);
            }
            if (code >= 400 && code < 500) {
                return SendOutcome.retry("SMTP " + firstLine(cause), code);
            }
            if (cause instanceof MailConnectException || cause instanceof ConnectException
                    || cause instanceof UnknownHostException) {
                return SendOutcome.retry("SMTP server not reached: " + cause.getClass().getSimpleName(), 0);
            }
            if (cause instanceof SocketTimeoutException) {
                return SendOutcome.retry("SMTP server did not answer in time", 0);
            }
        }
        return SendOutcome.retry("not sent: " + failure.getClass().getSimpleName() + ": " + firstLine(failure), 0);
    }

    static boolean loginRefused(SendOutcome outcome) {
        return outcome.kind() == SendOutcome.Kind.RETRY && LOGIN.contains(outcome.statusCode());
    }

    private static int replyCode(Throwable failure) {
        if (failure instanceof SMTPAddressFailedException address) {
            return address.getReturnCode();
        }
        if (failure instanceof SMTPSenderFailedException sender) {
            return sender.getReturnCode();
        }
        if (failure instanceof SMTPSendFailedException send) {
            return send.getReturnCode();
        }
        return -1;
    }

    private static String firstLine(Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return failure.getClass().getSimpleName();
        }
        String line = message.strip().lines().findFirst().orElse("");
        return line.length() > 160 ? line.substring(0, 160) : line;
    }
}
