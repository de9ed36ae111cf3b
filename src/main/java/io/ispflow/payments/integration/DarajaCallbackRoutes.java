package io.ispflow.payments.integration;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import io.ispflow.payments.intake.CallbackRefused;
import io.ispflow.payments.mpesa.MpesaCallbackInbox;
import io.ispflow.payments.mpesa.PaybillInbox;

/**
 * What Daraja posts to us, each under the company's unguessable token:
 * <ul>
 * <li>STK results to {@code /api/payments/mpesa/callback/<token>}, acknowledged with
 * {@code {"ResultCode":0,"ResultDesc":"Accepted"}};</li>
 * <li>paybill (C2B) validation to {@code /api/payments/paybill/<token>/validation}, answered with the
 * verdict;</li>
 * <li>paybill (C2B) confirmation to {@code /api/payments/paybill/<token>/confirmation}, acknowledged with
 * {@code {"ResultCode":0,"ResultDesc":"Success"}}.</li>
 * </ul>
 * Payments are stored (committed) before they are acknowledged; a refused request gets its status and no
 * acknowledgement.
 */
@Component
class DarajaCallbackRoutes extends RouteBuilder {

    static final String STK_ACK = "{\"ResultCode\":0,\"ResultDesc\":\"Accepted\"}";
    static final String CONFIRMATION_ACK = "{\"ResultCode\":0,\"ResultDesc\":\"Success\"}";

    private final MpesaCallbackInbox stkInbox;
    private final PaybillInbox paybillInbox;

    DarajaCallbackRoutes(MpesaCallbackInbox stkInbox, PaybillInbox paybillInbox) {
        this.stkInbox = stkInbox;
        this.paybillInbox = paybillInbox;
    }

    @Override
    public void configure() {
        onException(CallbackRefused.class).handled(true)
                .process(refusal(refused -> "{\"ResultCode\":1,\"ResultDesc\":\"Rejected\"}"));

        from("platform-http:/api/payments/mpesa/callback/{token}?httpMethodRestrict=POST")
                .routeId("payments.stk-callback")
                .convertBodyTo(String.class, "UTF-8")
                .process(exchange -> stkInbox.acceptStkCallback(token(exchange), body(exchange), source(exchange)))
                .process(answer(STK_ACK));

        from("platform-http:/api/payments/paybill/{token}/validation?httpMethodRestrict=POST")
                .routeId("payments.c2b-validation")
                .convertBodyTo(String.class, "UTF-8")
                .process(exchange -> {
                    var verdict = paybillInbox.validate(token(exchange), body(exchange), source(exchange));
                    answer("{\"ResultCode\":\"" + verdict.resultCode() + "\",\"ResultDesc\":\""
                            + verdict.resultDesc() + "\"}").process(exchange);
                });

        from("platform-http:/api/payments/paybill/{token}/confirmation?httpMethodRestrict=POST")
                .routeId("payments.c2b-confirmation")
                .convertBodyTo(String.class, "UTF-8")
                .process(exchange -> paybillInbox.confirm(token(exchange), body(exchange), source(exchange)))
                .process(answer(CONFIRMATION_ACK));
    }

    /** Answers a refused call with its status and the provider's way of saying "rejected". */
    static Processor refusal(java.util.function.Function<CallbackRefused, String> body) {
        return exchange -> {
            var refused = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, CallbackRefused.class);
            answer(body.apply(refused)).process(exchange);
            exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, refused.status());
        };
    }

    static Processor answer(String json) {
        return exchange -> {
            exchange.getMessage().removeHeaders("*");
            exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
            exchange.getMessage().setBody(json);
        };
    }

    private static String token(Exchange exchange) {
        return exchange.getMessage().getHeader("token", String.class);
    }

    private static String body(Exchange exchange) {
        return exchange.getMessage().getBody(String.class);
    }

    private static String source(Exchange exchange) {
        return exchange.getMessage().getHeader("X-Forwarded-For", String.class);
    }
}
