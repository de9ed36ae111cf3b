package io.ispflow.payments.integration;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import io.ispflow.payments.mpesa.CallbackRefused;
import io.ispflow.payments.mpesa.MpesaCallbackInbox;

/**
 * Daraja posts STK results to {@code /api/payments/mpesa/callback/<company token>}. The route stores
 * the callback (committed) and only then acknowledges it, as Daraja expects, with
 * {@code {"ResultCode":0,"ResultDesc":"Accepted"}}; a refused callback gets its status and no
 * acknowledgement.
 */
@Component
class DarajaCallbackRoutes extends RouteBuilder {

    static final String ACK = "{\"ResultCode\":0,\"ResultDesc\":\"Accepted\"}";

    private final MpesaCallbackInbox inbox;

    DarajaCallbackRoutes(MpesaCallbackInbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public void configure() {
        from("platform-http:/api/payments/mpesa/callback/{token}?httpMethodRestrict=POST")
                .routeId("payments.stk-callback")
                .onException(CallbackRefused.class).handled(true)
                    .process(exchange -> {
                        var refused = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, CallbackRefused.class);
                        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, refused.status());
                        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
                        exchange.getMessage().setBody("{\"ResultCode\":1,\"ResultDesc\":\"Rejected\"}");
                    })
                .end()
                .convertBodyTo(String.class)
                .process(exchange -> inbox.acceptStkCallback(
                        exchange.getMessage().getHeader("token", String.class),
                        exchange.getMessage().getBody(String.class),
                        exchange.getMessage().getHeader("X-Forwarded-For", String.class)))
                .removeHeaders("*")
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                .setBody(constant(ACK));
    }
}
