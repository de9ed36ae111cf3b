/**
 * Clients helping themselves by SMS: a text to the company's number asks for the balance, starts an
 * M-PESA payment, stops or restarts reminders, or reaches the support team. Answers what messaging
 * publishes ({@link io.ispflow.messaging.ClientTexted}); owns no table.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Self-service by SMS",
        allowedDependencies = {"platform", "shared", "tenancy", "clients", "billing", "payments::mpesa", "messaging"})
@io.ispflow.shared.OwnsTables({})
package io.ispflow.selfservice;
