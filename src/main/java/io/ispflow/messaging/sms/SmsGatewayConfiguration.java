package io.ispflow.messaging.sms;

/**
 * A company's SMS gateway account as staff see it.
 *
 * @param apiKeySet          whether an API key is stored (the key itself is never returned)
 * @param deliveryReportPath   the path to enter as the delivery report callback URL at Africa's Talking
 * @param incomingMessagesPath the path to enter as the incoming messages callback URL
 */
public record SmsGatewayConfiguration(String username, boolean apiKeySet, String senderId, String environment,
        String deliveryReportPath, String incomingMessagesPath, boolean active) {
}
