package io.ispflow.messaging.sms;

/**
 * A company's SMS gateway account as an administrator enters it.
 *
 * @param apiKey      blank to keep the stored key
 * @param senderId    a registered sender id or shortcode; blank for the gateway's default
 * @param environment {@code sandbox} or {@code production}
 */
public record UpdateSmsGateway(String username, String apiKey, String senderId, String environment, boolean active) {
}
