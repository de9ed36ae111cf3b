package io.ispflow.network.provisioning;

import java.util.List;

import org.springframework.transaction.annotation.Transactional;

import io.ispflow.network.NetworkProvisioner;

/**
 * Provisioning over SNMP: the client's access port goes down when he is suspended (or leaves) and up
 * when he is activated or restored, each switch a {@code clientPortSwitch} process of its own, started in
 * the caller's transaction. A client without a recorded access port is only logged, as before.
 */
class SnmpNetworkProvisioner implements NetworkProvisioner {

    private final LoggingNetworkProvisioner logging;
    private final SwitchablePorts ports;
    private final NetworkEvents events;
    private final PortSwitchProcess process;

    SnmpNetworkProvisioner(LoggingNetworkProvisioner logging, SwitchablePorts ports, NetworkEvents events,
            PortSwitchProcess process) {
        this.logging = logging;
        this.ports = ports;
        this.events = events;
        this.process = process;
    }

    @Override
    @Transactional
    public void activate(ServedClient client, String reason) {
        if (!switchPorts(client, "service_activated", PortState.UP, "Service activated: " + reason)) {
            logging.activate(client, reason);
        }
    }

    @Override
    @Transactional
    public void suspend(ServedClient client, String reason) {
        if (!switchPorts(client, "service_suspended", PortState.DOWN, "Service suspended: " + reason)) {
            logging.suspend(client, reason);
        }
    }

    @Override
    @Transactional
    public void reactivate(ServedClient client, String reason) {
        if (!switchPorts(client, "service_reactivated", PortState.UP, "Service restored: " + reason)) {
            logging.reactivate(client, reason);
        }
    }

    /** Starts a switch of each of the client's ports; false when he has none on record. */
    private boolean switchPorts(ServedClient client, String event, PortState wanted, String reason) {
        List<AccessPort> found = ports.of(client.id());
        for (AccessPort port : found) {
            events.serviceChanged(event, client, "snmp", port.equipmentId());
            process.start(client, port, wanted, reason);
        }
        return !found.isEmpty();
    }
}
