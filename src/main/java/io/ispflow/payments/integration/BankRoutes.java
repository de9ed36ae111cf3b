package io.ispflow.payments.integration;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import io.ispflow.payments.bank.BankInbox;
import io.ispflow.payments.intake.CallbackRefused;

/**
 * The bank posts account validations and payment notifications to
 * {@code /api/payments/bank/<company token>}, signed as {@link BankInbox} describes; the answer is the
 * JSON {@link BankInbox} returns, or for a refused call its status with a {@code REJECTED} body.
 */
@Component
class BankRoutes extends RouteBuilder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BankInbox inbox;

    BankRoutes(BankInbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public void configure() {
        from("platform-http:/api/payments/bank/{token}?httpMethodRestrict=POST")
                .routeId("payments.bank-notification")
                .onException(CallbackRefused.class).handled(true)
                    .process(DarajaCallbackRoutes.refusal(refused -> JSON.createObjectNode()
                            .put("status_code", "REJECTED").put("status_description", refused.getMessage())
                            .toString()))
                .end()
                .onException(Exception.class).handled(true)
                    .process(DarajaCallbackRoutes.failure(JSON.createObjectNode().put("status_code", "FAILED")
                            .put("status_description", "Temporary failure, please retry").toString()))
                .end()
                // the signature covers the bytes as sent
                .convertBodyTo(byte[].class)
                .process(exchange -> {
                    var message = exchange.getMessage();
                    String answer = inbox.handle(message.getHeader("token", String.class),
                            message.getHeader("X-Bank-Timestamp", String.class),
                            message.getHeader("X-Bank-Signature", String.class), java.util.Objects.requireNonNullElse(message.getBody(byte[].class), new byte[0]),
                            DarajaCallbackRoutes.source(exchange));
                    DarajaCallbackRoutes.answer(answer).process(exchange);
                });
    }
}
