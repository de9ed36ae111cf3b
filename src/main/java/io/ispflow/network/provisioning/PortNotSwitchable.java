package io.ispflow.network.provisioning;

/**
 * The port cannot be switched over SNMP at all (the device has no SNMP write access, or no SNMP
 * address or credentials): staff switch it by hand; another attempt would change nothing.
 */
class PortNotSwitchable extends RuntimeException {

    PortNotSwitchable(String message) {
        super(message);
    }
}
