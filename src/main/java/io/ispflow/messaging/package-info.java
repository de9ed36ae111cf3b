/**
 * Notifications to staff and messages to clients. Called by other modules; never calls up. Client
 * messages are queued in {@code outbound_messages} and leave through one dispatcher ({@code delivery}):
 * SMS through each company's Africa's Talking account ({@code sms}) with delivery reports, e-mail
 * through each company's SMTP server ({@code email}); every attempt logged in {@code notification_logs}.
 * Staff have their notifications and write each other internal messages with attachments ({@code staff}).
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Messaging",
        allowedDependencies = {"platform", "shared", "tenancy"})
@io.ispflow.shared.OwnsTables({"notifications", "outbound_messages", "sms_gateway_settings", "email_gateway_settings",
        "notification_logs", "message_templates", "message_opt_outs", "inbound_messages", "internal_messages",
        "message_attachments", "notification_preferences"})
package io.ispflow.messaging;
