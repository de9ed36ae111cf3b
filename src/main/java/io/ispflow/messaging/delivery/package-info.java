/**
 * Delivery of queued client messages, whatever the channel: the dispatcher that claims them (skip-locked,
 * leased, on every node), paces each company, retries with doubling back-off and records every attempt
 * in {@code notification_logs}; each channel ({@code sms}, {@code email}) brings its {@link
 * io.ispflow.messaging.delivery.ChannelSender}.
 */
package io.ispflow.messaging.delivery;
