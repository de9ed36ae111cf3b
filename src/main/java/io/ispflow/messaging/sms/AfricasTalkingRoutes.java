package io.ispflow.messaging.sms;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The Camel route to Africa's Talking's SMS API: the form of one message, posted with the account's
 * API key; answers with the HTTP status and the body as text, which {@link AfricasTalkingClient} reads.
 */
@Component
class AfricasTalkingRoutes extends RouteBuilder {

    static final String SEND = "direct:africastalking-send";
    static final String BASE_URL = "AfricasTalkingBaseUrl";

    private final AfricasTalkingProperties properties;

    AfricasTalkingRoutes(AfricasTalkingProperties properties) {
        this.properties = properties;
    }

    @Override
    public void configure() {
        String options = "?bridgeEndpoint=true&throwExceptionOnFailure=false"
                + "&connectTimeout=" + properties.timeout().toMillis()
                + "&responseTimeout=" + properties.timeout().toMillis();

        // a failure to reach the gateway goes back to the caller, who retries the message later
        from(SEND).routeId("messaging.africastalking-send").errorHandler(noErrorHandler())
                .removeHeaders("CamelHttp*")
                .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                .setHeader(Exchange.CONTENT_TYPE, constant("application/x-www-form-urlencoded"))
                .setHeader("Accept", constant("application/json"))
                .toD("${exchangeProperty." + BASE_URL + "}/version1/messaging" + options)
                .convertBodyTo(String.class, "UTF-8");
    }
}
