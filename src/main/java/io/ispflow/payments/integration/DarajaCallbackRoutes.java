package io.ispflow.payments.integration;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;
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
    static final String REJECTED = "{\"ResultCode\":1,\"ResultDesc\":\"Rejected\"}";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DarajaCallbackRoutes.class);

    private final MpesaCallbackInbox stkInbox;
    private final PaybillInbox paybillInbox;

    DarajaCallbackRoutes(MpesaCallbackInbox stkInbox, PaybillInbox paybillInbox) {
        this.stkInbox = stkInbox;
        this.paybillInbox = paybillInbox;
    }

    @Override
    public void configure() {
        onException(CallbackRefused.class).handled(true)
                .process(refusal(refused -> REJECTED));
        onException(Exception.class).handled(true).process(failure(REJECTED));

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

    /**
     * Answers a call that was not refused but failed: a value the database would not take (SQL state
     * class 22 or 23, which the intake's checks should have caught) is the caller's, 400; anything else
     * is ours, 503 in the provider's format so that it delivers again, which is safe since every intake
     * stores a payment once. Logged as the error it is.
     */
    static Processor failure(String body) {
        return exchange -> {
            var failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
            boolean badData = badData(failure);
            log.error("Provider call to {} failed; answered {}", exchange.getFromRouteId(), badData ? 400 : 503,
                    failure);
            answer(body).process(exchange);
            exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, badData ? 400 : 503);
        };
    }

    private static boolean badData(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))) {
                return true;
            }
        }
        return false;
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

    /** The body as text; an empty request has none, which the intake refuses like any malformed one. */
    private static String body(Exchange exchange) {
        String body = exchange.getMessage().getBody(String.class);
        return body == null ? "" : body;
    }

    /**
     * The caller's address as the server sees it: forwarded addresses count only from the trusted
     * proxies that Tomcat's remote-IP handling is configured with, never from a header anyone can send.
     */
    static String source(Exchange exchange) {
        return exchange.getIn() instanceof PlatformHttpMessage http ? http.getRequest().getRemoteAddr() : null;
    }
}
