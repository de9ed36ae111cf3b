package io.ispflow.payments.mpesa;

import static io.ispflow.platform.callbacks.ProviderCalls.answer;
import static io.ispflow.platform.callbacks.ProviderCalls.source;
import static io.ispflow.platform.callbacks.ProviderCalls.text;
import static io.ispflow.platform.callbacks.ProviderCalls.token;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import io.ispflow.platform.callbacks.ProviderCalls;

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
 * acknowledgement ({@link ProviderCalls#REFUSALS}).
 */
@Component
class DarajaCallbackRoutes extends RouteBuilder {

    private final MpesaCallbackInbox stkInbox;
    private final PaybillInbox paybillInbox;

    DarajaCallbackRoutes(MpesaCallbackInbox stkInbox, PaybillInbox paybillInbox) {
        this.stkInbox = stkInbox;
        this.paybillInbox = paybillInbox;
    }

    @Override
    public void configure() {
        from("platform-http:/api/payments/mpesa/callback/{token}?httpMethodRestrict=POST")
                .routeId("payments.stk-callback").routeConfigurationId(ProviderCalls.REFUSALS)
                .convertBodyTo(String.class, "UTF-8")
                .process(exchange -> stkInbox.acceptStkCallback(token(exchange), text(exchange), source(exchange)))
                .process(answer(DarajaAnswer.ACCEPTED));

        from("platform-http:/api/payments/paybill/{token}/validation?httpMethodRestrict=POST")
                .routeId("payments.c2b-validation").routeConfigurationId(ProviderCalls.REFUSALS)
                .convertBodyTo(String.class, "UTF-8")
                .process(exchange -> answer(paybillInbox.validate(token(exchange), text(exchange), source(exchange)))
                        .process(exchange));

        from("platform-http:/api/payments/paybill/{token}/confirmation?httpMethodRestrict=POST")
                .routeId("payments.c2b-confirmation").routeConfigurationId(ProviderCalls.REFUSALS)
                .convertBodyTo(String.class, "UTF-8")
                .process(exchange -> paybillInbox.confirm(token(exchange), text(exchange), source(exchange)))
                .process(answer(DarajaAnswer.SUCCESS));
    }
}
