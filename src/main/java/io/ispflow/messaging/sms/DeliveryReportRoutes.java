package io.ispflow.messaging.sms;

import static io.ispflow.platform.callbacks.ProviderCalls.answer;
import static io.ispflow.platform.callbacks.ProviderCalls.source;
import static io.ispflow.platform.callbacks.ProviderCalls.token;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import io.ispflow.platform.callbacks.ProviderCalls;

/**
 * Where Africa's Talking posts delivery reports: {@code /api/messaging/sms/delivery/<token>}, a form,
 * answered {@code {"status":"received"}} once the report is committed; a refused report gets its
 * status ({@link ProviderCalls#REFUSALS}).
 */
@Component
class DeliveryReportRoutes extends RouteBuilder {

    private final DeliveryReports reports;

    DeliveryReportRoutes(DeliveryReports reports) {
        this.reports = reports;
    }

    @Override
    public void configure() {
        from("platform-http:" + SmsGatewaySettings.DELIVERY_PATH + "{token}?httpMethodRestrict=POST")
                .routeId("messaging.sms-delivery-report").routeConfigurationId(ProviderCalls.REFUSALS)
                .process(exchange -> reports.accept(token(exchange), ProviderCalls.body(exchange), source(exchange)))
                .process(answer(AfricasTalkingChannel.RECEIVED));
    }
}
