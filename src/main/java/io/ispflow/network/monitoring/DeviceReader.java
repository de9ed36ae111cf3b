package io.ispflow.network.monitoring;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.snmp4j.smi.OID;
import org.snmp4j.smi.VariableBinding;
import org.springframework.stereotype.Component;

import io.ispflow.network.snmp.SnmpEndpoint;
import io.ispflow.network.snmp.SnmpFailure;
import io.ispflow.network.snmp.SnmpSession;

/**
 * Reads one device without waiting: a GET of sysUpTime.0 (with sysName.0 and sysDescr.0 when asked),
 * then a GETBULK walk of the IF-MIB columns. A device whose walk finds no 64-bit counters (no
 * ifXTable) is walked again for the 32-bit ones, and remembered on this node as such.
 */
@Component
class DeviceReader {

    private final SnmpSession snmp;
    private final Set<UUID> withoutIfXTable = ConcurrentHashMap.newKeySet();

    DeviceReader(SnmpSession snmp) {
        this.snmp = snmp;
    }

    CompletableFuture<DeviceReading> read(UUID equipmentId, SnmpEndpoint endpoint, boolean describe) {
        OID[] system = describe ? new OID[] {IfMib.SYS_UPTIME, IfMib.SYS_NAME, IfMib.SYS_DESCR}
                : new OID[] {IfMib.SYS_UPTIME};
        return snmp.getAsync(endpoint, system).thenCompose(bindings -> {
            long uptime = uptime(endpoint, bindings);
            String name = describe ? IfMib.text(bindings.toArray(VariableBinding[]::new), 1) : null;
            String descr = describe ? IfMib.text(bindings.toArray(VariableBinding[]::new), 2) : null;
            return interfaces(equipmentId, endpoint)
                    .thenApply(interfaces -> new DeviceReading(uptime, name, descr, interfaces));
        });
    }

    private CompletableFuture<List<InterfaceReading>> interfaces(UUID equipmentId, SnmpEndpoint endpoint) {
        if (withoutIfXTable.contains(equipmentId)) {
            return snmp.table(endpoint, IfMib.NARROW).thenApply(rows -> IfMib.interfaces(rows, false));
        }
        return snmp.table(endpoint, IfMib.WIDE).thenCompose(rows -> {
            if (rows.isEmpty() || IfMib.hasHighCapacityCounters(rows)) {
                return CompletableFuture.completedFuture(IfMib.interfaces(rows, true));
            }
            withoutIfXTable.add(equipmentId);
            return snmp.table(endpoint, IfMib.NARROW).thenApply(narrow -> IfMib.interfaces(narrow, false));
        });
    }

    private static long uptime(SnmpEndpoint endpoint, List<VariableBinding> bindings) {
        if (bindings.isEmpty() || bindings.get(0).getVariable() == null || bindings.get(0).getVariable().isException()
                || !IfMib.SYS_UPTIME.equals(bindings.get(0).getOid())) {
            throw new SnmpFailure(endpoint.host() + ":" + endpoint.port() + ": no sysUpTime", false);
        }
        return bindings.get(0).getVariable().toLong();
    }
}
