package io.ispflow.messaging.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import org.apache.camel.component.mail.DefaultJavaMailSender;
import org.springframework.stereotype.Component;

/**
 * camel-mail's sender for the {@link SmtpRoutes}: sends each message through its own mail session, which
 * {@link MailComposer} made from the company's account (server, TLS, time-outs and login). A message
 * without such a session is refused rather than sent to a default server.
 */
@Component(CompanySessionMailSender.BEAN)
class CompanySessionMailSender extends DefaultJavaMailSender {

    static final String BEAN = "companySessionMailSender";

    @Override
    public void send(MimeMessage message) throws MessagingException {
        if (!(message instanceof MailComposer.CompanyMessage)) {
            throw new MessagingException("not a message composed for a company's mail account");
        }
        Transport.send(message);
    }
}
