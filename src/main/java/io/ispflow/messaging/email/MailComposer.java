package io.ispflow.messaging.email;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.mail.Address;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import io.ispflow.messaging.delivery.OutboundMessage;

/**
 * Makes the MIME message of one queued e-mail, in a mail session of the company's account:
 * {@code multipart/alternative} with the text as written and the same text as HTML (escaped, paragraphs
 * at blank lines), from the company's address and name, with its reply-to address, our
 * {@code Message-ID} ({@code <message id@sender's domain>}, the same at every attempt, so that a message
 * sent twice can be recognised) and {@code Auto-Submitted: auto-generated} (RFC 3834), so that
 * out-of-office replies stay away.
 */
@Component
class MailComposer {

    private static final Pattern BLANK_LINE = Pattern.compile("\\r?\\n\\s*\\r?\\n");
    private static final Pattern LINE_BREAK = Pattern.compile("\\r?\\n");
    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private final EmailDispatchProperties properties;
    private final Clock clock;

    MailComposer(EmailDispatchProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** A message composed for a company's account: it keeps the {@code Message-ID} we gave it when it is sent. */
    static final class CompanyMessage extends MimeMessage {

        private final String messageId;

        CompanyMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        String messageId() {
            return messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }

    CompanyMessage compose(EmailAccount account, OutboundMessage message)
            throws MessagingException, UnsupportedEncodingException {
        var mail = new CompanyMessage(Session.getInstance(session(account), login(account)), messageId(account, message));
        mail.setFrom(new InternetAddress(account.fromAddress(), account.fromName(), UTF_8));
        if (account.replyTo() != null) {
            mail.setReplyTo(new Address[] {new InternetAddress(account.replyTo(), true)});
        }
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress(message.recipient(), true));
        if (message.subject() != null) {
            mail.setSubject(message.subject(), UTF_8);
        }
        mail.setSentDate(Date.from(clock.instant()));
        mail.setHeader("Auto-Submitted", "auto-generated");
        var text = new MimeBodyPart();
        text.setText(message.body(), UTF_8, "plain");
        var html = new MimeBodyPart();
        html.setText(html(message.subject(), message.body()), UTF_8, "html");
        var alternatives = new MimeMultipart("alternative");
        alternatives.addBodyPart(text);
        alternatives.addBodyPart(html);
        mail.setContent(alternatives);
        mail.saveChanges();
        return mail;
    }

    static String messageId(EmailAccount account, OutboundMessage message) {
        return "<" + message.id() + "@" + EmailAddresses.domainOf(account.fromAddress()) + ">";
    }

    /** The text as an HTML page: every character escaped, paragraphs at blank lines, line breaks kept. */
    static String html(String subject, String text) {
        String paragraphs = BLANK_LINE.splitAsStream(text.strip())
                .map(paragraph -> "<p>" + LINE_BREAK.splitAsStream(paragraph).map(HtmlUtils::htmlEscape)
                        .collect(Collectors.joining("<br>\n")) + "</p>")
                .collect(Collectors.joining("\n"));
        return """
                <!DOCTYPE html>
                <html><head><meta charset="utf-8"><title>%s</title></head>
                <body style="font-family: Arial, sans-serif; font-size: 15px; line-height: 1.5">
                %s
                </body></html>
                """.formatted(subject == null ? "" : HtmlUtils.htmlEscape(subject), paragraphs);
    }

    /** The company's server, TLS and login, with our time-outs; the password stays in the authenticator. */
    private Properties session(EmailAccount account) {
        var session = new Properties();
        String timeout = Long.toString(properties.timeout().toMillis());
        session.put("mail.transport.protocol", "smtp");
        session.put("mail.smtp.host", account.host());
        session.put("mail.smtp.port", Integer.toString(account.port()));
        session.put("mail.smtp.from", account.fromAddress());
        session.put("mail.smtp.connectiontimeout", timeout);
        session.put("mail.smtp.timeout", timeout);
        session.put("mail.smtp.writetimeout", timeout);
        switch (account.security()) {
            case STARTTLS -> {
                session.put("mail.smtp.starttls.enable", "true");
                session.put("mail.smtp.starttls.required", "true");
                session.put("mail.smtp.ssl.checkserveridentity", "true");
            }
            case SSL -> {
                session.put("mail.smtp.ssl.enable", "true");
                session.put("mail.smtp.ssl.checkserveridentity", "true");
            }
            case NONE -> {
            }
        }
        if (account.username() != null) {
            session.put("mail.smtp.auth", "true");
            session.put("mail.smtp.user", account.username());
        }
        return session;
    }

    private static Authenticator login(EmailAccount account) {
        if (account.username() == null) {
            return null;
        }
        return new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(account.username(),
                        account.password() == null ? "" : account.password());
            }
        };
    }
}
