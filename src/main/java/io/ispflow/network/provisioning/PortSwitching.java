package io.ispflow.network.provisioning;

import java.util.List;
import java.util.UUID;

import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.VariableBinding;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.ispflow.network.snmp.DeviceAccess;
import io.ispflow.network.snmp.SnmpEndpoint;
import io.ispflow.network.snmp.SnmpFailure;
import io.ispflow.network.snmp.SnmpSession;

/**
 * Switches a client's access port over SNMP: SET of IF-MIB {@code ifAdminStatus} with the device's
 * write credentials, then a GET reads it back. The switch counts only when the device answered the
 * SET without error and the port reads back in the wanted state; it is recorded as a network event.
 */
@Component
class PortSwitching {

    /** IF-MIB ifAdminStatus; the row's index is the ifIndex. */
    static final OID IF_ADMIN_STATUS = new OID("1.3.6.1.2.1.2.2.1.7");

    private record Device(String name, boolean writeAccess, SnmpEndpoint endpoint) {
    }

    private final JdbcTemplate jdbc;
    private final DeviceAccess access;
    private final SnmpSession snmp;
    private final NetworkEvents events;

    PortSwitching(JdbcTemplate jdbc, DeviceAccess access, SnmpSession snmp, NetworkEvents events) {
        this.jdbc = jdbc;
        this.access = access;
        this.snmp = snmp;
        this.events = events;
    }

    /**
     * @throws PortNotSwitchable when the device may not or cannot be written over SNMP
     * @throws PortSwitchFailed  when the SET or the read-back failed
     */
    void switchPort(UUID clientId, AccessPort port, PortState wanted) {
        Device device = device(port.equipmentId());
        if (!device.writeAccess()) {
            throw new PortNotSwitchable("Device " + device.name() + " has no SNMP write access: switch port "
                    + port.portName() + " (ifIndex " + port.ifIndex() + ") " + wanted.id() + " by hand.");
        }
        if (device.endpoint() == null) {
            throw new PortNotSwitchable("Device " + device.name() + " has no SNMP address or credentials: switch port "
                    + port.portName() + " (ifIndex " + port.ifIndex() + ") " + wanted.id() + " by hand.");
        }
        OID oid = new OID(IF_ADMIN_STATUS).append(port.ifIndex());
        try {
            snmp.set(device.endpoint(), new VariableBinding(oid, new Integer32(wanted.adminStatus())));
        } catch (SnmpFailure e) {
            throw new PortSwitchFailed("SET of ifAdminStatus." + port.ifIndex() + " to " + wanted.id() + " failed: "
                    + e.getMessage());
        }
        int readBack = readBack(device.endpoint(), oid);
        if (readBack != wanted.adminStatus()) {
            throw new PortSwitchFailed("ifAdminStatus." + port.ifIndex() + " reads back " + readBack + " after the SET, not "
                    + wanted.adminStatus() + " (" + wanted.id() + ")");
        }
        events.portSwitched(clientId, port, wanted);
    }

    /** The automatic switch gave up. */
    void recordFailure(UUID clientId, AccessPort port, PortState wanted, String error) {
        events.portSwitchFailed(clientId, port, wanted, error);
    }

    void recordManualSwitch(UUID clientId, AccessPort port, PortState wanted, String by, String note) {
        events.portSwitchedManually(clientId, port, wanted, by, note);
    }

    private int readBack(SnmpEndpoint endpoint, OID oid) {
        List<VariableBinding> answer;
        try {
            answer = snmp.get(endpoint, oid);
        } catch (SnmpFailure e) {
            throw new PortSwitchFailed("Reading back " + oid + " failed: " + e.getMessage());
        }
        if (answer.isEmpty() || !(answer.get(0).getVariable() instanceof Integer32 status)) {
            throw new PortSwitchFailed("Reading back " + oid + " failed: the device answered "
                    + (answer.isEmpty() ? "nothing" : answer.get(0).getVariable().getSyntaxString()));
        }
        return status.toInt();
    }

    private Device device(UUID equipmentId) {
        return jdbc.query("select coalesce(name, serial_number) as name, snmp_write_access, " + DeviceAccess.COLUMNS
                + " from equipment where id = ?", rs -> {
                    if (!rs.next()) {
                        throw new PortNotSwitchable("Device " + equipmentId + " is not on record");
                    }
                    return new Device(rs.getString("name"), rs.getBoolean("snmp_write_access"), access.endpoint(rs));
                }, equipmentId);
    }
}
