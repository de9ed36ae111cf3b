package io.ispflow.payments.bank;

import static io.ispflow.platform.callbacks.ProviderCalls.answer;
import static io.ispflow.platform.callbacks.ProviderCalls.source;
import static io.ispflow.platform.callbacks.ProviderCalls.token;

import java.util.Objects;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import io.ispflow.platform.callbacks.ProviderCalls;

/**
 * The bank posts account validations and payment notifications to
 * {@code /api/payments/bank/<company token>}, signed as {@link BankSignature} describes; the answer is the
 * one {@link BankIntake} gives, or for a refused call its status with a {@code REJECTED} body
 * ({@link ProviderCalls#REFUSALS}).
 */
@Component
class BankRoutes extends RouteBuilder {

    private final BankIntake intake;

    BankRoutes(BankIntake intake) {
        this.intake = intake;
    }

    @Override
    public void configure() {
        from("platform-http:/api/payments/bank/{token}?httpMethodRestrict=POST")
                .routeId("payments.bank-notification").routeConfigurationId(ProviderCalls.REFUSALS)
                // the signature covers the bytes as sent
                .convertBodyTo(byte[].class)
                .process(exchange -> {
                    var message = exchange.getMessage();
                    var answered = intake.handle(token(exchange), message.getHeader("X-Bank-Timestamp", String.class),
                            message.getHeader("X-Bank-Signature", String.class),
                            Objects.requireNonNullElse(message.getBody(byte[].class), new byte[0]), source(exchange));
                    answer(answered).process(exchange);
                });
    }
}
