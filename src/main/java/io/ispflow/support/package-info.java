/**
 * Support: tickets raised for clients and the departments they are routed to. So far it answers one
 * question for the clients module: whether a client has tickets (then he is kept for the record).
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Support",
        allowedDependencies = {"platform", "shared", "clients"})
@io.ispflow.shared.OwnsTables({"support_tickets", "departments"})
package io.ispflow.support;
