/**
 * Read models for dashboards and exports, fed by the other modules' events through the event
 * publication registry (so an event is never lost between the publisher's commit and the read model).
 * Depends on others; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Reporting",
        allowedDependencies = {"platform", "shared", "clients"})
@io.ispflow.shared.OwnsTables({"client_registrations_daily"})
package io.ispflow.reporting;
