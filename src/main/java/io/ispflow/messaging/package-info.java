/**
 * Notifications to staff and messages to clients. Called by other modules; never calls up. Client
 * messages are queued in {@code outbound_messages} for the SMS and e-mail gateways.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Messaging",
        allowedDependencies = {"platform", "shared", "tenancy"})
@io.ispflow.shared.OwnsTables({"notifications", "outbound_messages"})
package io.ispflow.messaging;
