/**
 * Technical glue every business module stands on: the embedded PostgreSQL, the tenant context and
 * PostgreSQL row-level security, HTTP security and RFC 9457 problem details, the Camunda engine
 * configuration and the deployment of {@code processes/}, {@code dmn/} and {@code forms/}, the
 * cluster-wide lock registry, and the dispatcher of the modules' inbox tables.
 *
 * <p>Open so that business modules may use its sub-packages; it never depends on a business module.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Platform",
        type = org.springframework.modulith.ApplicationModule.Type.OPEN,
        allowedDependencies = "shared")
@io.ispflow.shared.OwnsTables({"api_sessions", "audit_log", "security_events", "login_revocations",
        "staff_second_factors", "staff_recovery_codes", "int_lock", "event_publication"})
package io.ispflow.platform;
