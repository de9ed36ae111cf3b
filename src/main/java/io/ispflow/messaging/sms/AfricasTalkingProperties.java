package io.ispflow.messaging.sms;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Africa's Talking is ({@code isp.messaging.africastalking.*}).
 *
 * @param sandboxUrl    the sandbox API base URL (its user name is always {@code sandbox})
 * @param productionUrl the live API base URL
 * @param timeout       how long a send may take before it counts as failed and is tried again
 */
@ConfigurationProperties("isp.messaging.africastalking")
record AfricasTalkingProperties(
        @DefaultValue("https://api.sandbox.africastalking.com") URI sandboxUrl,
        @DefaultValue("https://api.africastalking.com") URI productionUrl,
        @DefaultValue("PT10S") Duration timeout) {

    URI baseUrl(String environment) {
        return "production".equals(environment) ? productionUrl : sandboxUrl;
    }
}
