package io.ispflow.messaging.sms;

import java.util.Optional;

import org.springframework.stereotype.Component;

import io.ispflow.messaging.delivery.ChannelSender;
import io.ispflow.messaging.delivery.MessageParts;
import io.ispflow.messaging.delivery.OutboundMessage;
import io.ispflow.messaging.delivery.SendOutcome;

/** SMS leave through the company's Africa's Talking account, each attempt with the message's id as idempotency key. */
@Component
class SmsSender implements ChannelSender<SmsCredentials> {

    private final SmsGatewaySettings settings;
    private final AfricasTalkingClient gateway;

    SmsSender(SmsGatewaySettings settings, AfricasTalkingClient gateway) {
        this.settings = settings;
        this.gateway = gateway;
    }

    @Override
    public boolean ready() {
        return gateway.ready();
    }

    @Override
    public String channel() {
        return "sms";
    }

    @Override
    public String accountName() {
        return "SMS gateway";
    }

    @Override
    public String hasActiveAccount() {
        return """
                exists (select 1 from sms_gateway_settings g where g.isp_company_id = m.isp_company_id
                        and g.is_active and g.api_key is not null)""";
    }

    @Override
    public Optional<SmsCredentials> account() {
        return settings.credentials();
    }

    @Override
    public MessageParts parts(OutboundMessage message) {
        SmsSegments segments = SmsSegments.of(message.body());
        return new MessageParts(segments.segments(), segments.encoding());
    }

    @Override
    public SendOutcome send(SmsCredentials account, OutboundMessage message) {
        return gateway.send(account, message.recipient(), message.body(), message.id().toString());
    }
}
