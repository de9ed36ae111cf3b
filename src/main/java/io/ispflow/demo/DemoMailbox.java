package io.ispflow.demo;

import java.util.Arrays;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * For the demo only (default profile): an SMTP server on this machine (GreenMail, {@code 127.0.0.1},
 * port {@code isp.demo.smtp-port}, no login), the demo companies' mail server, so that client e-mails
 * leave through the application's real route, offline. It keeps what it receives in memory, for
 * {@code GET /simulator/mailbox}. If the port is taken, the demo runs without it and its e-mails wait.
 */
@Component
@Profile("default")
public class DemoMailbox implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DemoMailbox.class);
    static final String HOST = "127.0.0.1";

    private final DemoProperties properties;
    private GreenMail server;

    DemoMailbox(DemoProperties properties) {
        this.properties = properties;
    }

    /** One received e-mail, as the mailbox page lists it. */
    public record Received(String messageId, String from, List<String> to, String subject) {
    }

    int port() {
        return properties.smtpPort();
    }

    /** What the mailbox received, oldest first. */
    public List<Received> received() {
        if (server == null) {
            return List.of();
        }
        return Arrays.stream(server.getReceivedMessages()).map(DemoMailbox::summary).toList();
    }

    private static Received summary(MimeMessage mail) {
        try {
            return new Received(mail.getMessageID(), mail.getFrom() == null ? null : mail.getFrom()[0].toString(),
                    Arrays.stream(mail.getAllRecipients()).map(Object::toString).toList(), mail.getSubject());
        } catch (MessagingException e) {
            return new Received(null, null, List.of(), "unreadable: " + e.getMessage());
        }
    }

    @Override
    public void start() {
        var candidate = new GreenMail(new ServerSetup(properties.smtpPort(), HOST, ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        try {
            candidate.start();
            server = candidate;
            log.info("Demo: client e-mails go to the SMTP server on {}:{}; see them at /simulator/mailbox", HOST,
                    properties.smtpPort());
        } catch (RuntimeException portTaken) {
            log.warn("Demo: no SMTP server on {}:{} ({}); client e-mails wait in the queue", HOST,
                    properties.smtpPort(), portTaken.getMessage());
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }
}
