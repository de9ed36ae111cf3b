package io.ispflow.messaging.sms;

import static io.ispflow.platform.callbacks.ProviderCalls.answer;
import static io.ispflow.platform.callbacks.ProviderCalls.source;
import static io.ispflow.platform.callbacks.ProviderCalls.token;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import io.ispflow.platform.callbacks.ProviderCalls;

/**
 * Where Africa's Talking posts delivery reports ({@code /api/messaging/sms/delivery/<token>}) and
 * incoming messages ({@code /api/messaging/sms/incoming/<token>}): forms, answered
 * {@code {"status":"received"}} once committed; a refused post gets its status
 * ({@link ProviderCalls#REFUSALS}).
 */
@Component
class SmsIntakeRoutes extends RouteBuilder {

    private final DeliveryReports reports;
    private final IncomingMessages incoming;

    SmsIntakeRoutes(DeliveryReports reports, IncomingMessages incoming) {
        this.reports = reports;
        this.incoming = incoming;
    }

    @Override
    public void configure() {
        from("platform-http:" + SmsGatewaySettings.DELIVERY_PATH + "{token}?httpMethodRestrict=POST")
                .routeId("messaging.sms-delivery-report").routeConfigurationId(ProviderCalls.REFUSALS)
                .process(exchange -> reports.accept(token(exchange), ProviderCalls.body(exchange), source(exchange)))
                .process(answer(AfricasTalkingChannel.RECEIVED));

        from("platform-http:" + SmsGatewaySettings.INCOMING_PATH + "{token}?httpMethodRestrict=POST")
                .routeId("messaging.sms-incoming").routeConfigurationId(ProviderCalls.REFUSALS)
                .process(exchange -> incoming.accept(token(exchange), ProviderCalls.body(exchange), source(exchange)))
                .process(answer(AfricasTalkingChannel.RECEIVED));
    }
}
