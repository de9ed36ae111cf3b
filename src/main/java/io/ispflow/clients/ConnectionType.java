package io.ispflow.clients;

/** How the client is connected to the network. */
public enum ConnectionType {
    FIBER, WIRELESS, SATELLITE, DSL
}
