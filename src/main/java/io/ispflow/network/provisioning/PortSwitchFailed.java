package io.ispflow.network.provisioning;

/**
 * A switch over SNMP did not take: the SET was refused or not answered, or the port read back in
 * another state. Worth another attempt.
 */
class PortSwitchFailed extends RuntimeException {

    PortSwitchFailed(String message) {
        super(message);
    }
}
