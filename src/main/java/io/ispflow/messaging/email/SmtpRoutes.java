package io.ispflow.messaging.email;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The Camel route to the companies' SMTP servers: camel-mail's SMTP producer sends the MIME message in
 * the body ({@link MailComposer}). The server and the login are the company's, so they travel with the
 * message, in its mail session ({@link CompanySessionMailSender}), and not in the endpoint's URI: a URI
 * per company would carry the password into Camel's endpoint registry, one endpoint kept per company
 * and per password. A failure goes back to the caller ({@link SmtpSender}), who reads the SMTP reply.
 */
@Component
class SmtpRoutes extends RouteBuilder {

    static final String SEND = "direct:email-send";

    @Override
    public void configure() {
        from(SEND).routeId("messaging.email-send").errorHandler(noErrorHandler())
                .to("smtp://company-account?javaMailSender=#" + CompanySessionMailSender.BEAN);
    }
}
