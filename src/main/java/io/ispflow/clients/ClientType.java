package io.ispflow.clients;

/** Who the client is, for pricing and contracts. */
public enum ClientType {
    INDIVIDUAL, BUSINESS, CORPORATE, GOVERNMENT
}
