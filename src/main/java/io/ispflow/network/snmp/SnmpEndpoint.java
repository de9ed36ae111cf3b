package io.ispflow.network.snmp;

/**
 * Where and how to reach one device over SNMP: its management address (an IP address), UDP port and
 * credentials.
 */
public record SnmpEndpoint(String host, int port, SnmpCredentials credentials) {

    /** SNMP4J's address notation, {@code udp:10.0.0.1/161}. */
    public String address() {
        return "udp:" + host + "/" + port;
    }

    @Override
    public String toString() {
        return host + ":" + port + " (" + credentials + ")";
    }
}
