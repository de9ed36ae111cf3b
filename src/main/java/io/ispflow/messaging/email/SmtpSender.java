package io.ispflow.messaging.email;

import java.io.UnsupportedEncodingException;
import java.util.Optional;

import jakarta.mail.MessagingException;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.ispflow.messaging.delivery.ChannelSender;
import io.ispflow.messaging.delivery.OutboundMessage;
import io.ispflow.messaging.delivery.SendOutcome;

/**
 * E-mails leave through the company's SMTP server ({@link SmtpRoutes}); the server's reply decides what
 * comes next ({@link SmtpReplies}). SMTP tells nothing of delivery: a message the server took stays
 * {@code sent}, and its gateway id is the {@code Message-ID} we gave it.
 */
@Component
class SmtpSender implements ChannelSender<EmailAccount> {

    private static final Logger log = LoggerFactory.getLogger(SmtpSender.class);

    private final EmailGatewaySettings settings;
    private final MailComposer composer;
    private final ProducerTemplate camel;

    SmtpSender(EmailGatewaySettings settings, MailComposer composer, ProducerTemplate camel) {
        this.settings = settings;
        this.composer = composer;
        this.camel = camel;
    }

    @Override
    public boolean ready() {
        return camel.getCamelContext().isStarted();
    }

    @Override
    public String channel() {
        return "email";
    }

    @Override
    public String accountName() {
        return "e-mail";
    }

    @Override
    public String hasActiveAccount() {
        return """
                exists (select 1 from email_gateway_settings g where g.isp_company_id = m.isp_company_id
                        and g.is_active)""";
    }

    @Override
    public Optional<EmailAccount> account() {
        return settings.account();
    }

    @Override
    public SendOutcome send(EmailAccount account, OutboundMessage message) {
        if (!EmailAddresses.valid(message.recipient())) {
            return SendOutcome.rejected("not an e-mail address", 0);
        }
        MailComposer.CompanyMessage mail;
        try {
            mail = composer.compose(account, message);
        } catch (MessagingException | UnsupportedEncodingException e) {
            return SendOutcome.rejected("the e-mail could not be composed: " + e.getClass().getSimpleName(), 0);
        }
        Exchange exchange = camel.send(SmtpRoutes.SEND, e -> e.getMessage().setBody(mail));
        if (exchange.getException() == null) {
            return SendOutcome.accepted(mail.messageId(), null, 250);
        }
        SendOutcome outcome = SmtpReplies.read(exchange.getException());
        if (SmtpReplies.loginRefused(outcome)) {
            log.warn("The SMTP server {}:{} refused the login '{}' of company {}'s e-mail account ({}); its e-mails "
                    + "wait and are tried again until the account is put right", account.host(), account.port(),
                    account.username(), message.companyId(), outcome.reason());
        }
        return outcome;
    }
}
