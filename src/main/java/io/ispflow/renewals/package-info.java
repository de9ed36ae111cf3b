/**
 * Renewal and suspension: the subscription lifecycle process ({@code processes/subscription-lifecycle.bpmn})
 * that renews each client's subscription period by period, reminds him, suspends him by the suspension
 * policy ({@code dmn/suspension-policy.dmn}), restores him when he pays and disconnects him when he
 * does not. The subscriptions themselves are billing's; the client's service status is the clients
 * module's. Owns no table.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Renewal and suspension",
        allowedDependencies = {"platform", "shared", "tenancy", "billing", "clients", "network", "messaging"})
@io.ispflow.shared.OwnsTables({})
package io.ispflow.renewals;
