package io.ispflow.messaging.sms;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.ispflow.platform.callbacks.ProviderChannel;

/** Africa's Talking posts delivery reports and incoming messages to us as forms; what we do not take is answered "rejected". */
@Component
class AfricasTalkingChannel implements ProviderChannel {

    static final Map<String, String> RECEIVED = Map.of("status", "received");

    @Override
    public List<String> paths() {
        return List.of(SmsGatewaySettings.DELIVERY_PATH, SmsGatewaySettings.INCOMING_PATH);
    }

    @Override
    public boolean postsForms() {
        return true;
    }

    @Override
    public Object rejected(String reason) {
        return Map.of("status", "rejected");
    }

    @Override
    public Object failed() {
        return Map.of("status", "failed");
    }
}
