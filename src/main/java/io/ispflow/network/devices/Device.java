package io.ispflow.network.devices;

import java.time.Instant;
import java.util.UUID;

/**
 * A managed network device as staff see it: its SNMP access without any secret, and what monitoring
 * knows of it. {@code status} is {@code active} or {@code retired}.
 */
public record Device(UUID id, String name, DeviceType deviceType, String brand, String model, String ipAddress,
        int snmpPort, String serialNumber, String location, String status, SnmpAccess snmp, boolean snmpWriteAccess,
        boolean pollingEnabled, int pollIntervalSeconds, Monitoring monitoring, Instant createdAt, Instant updatedAt) {

    public boolean retired() {
        return "retired".equals(status);
    }

    /**
     * The device's SNMP access without its secrets: version, v3 user and protocols, and whether the
     * secrets (community, or v3 keys) and a separate write community are set.
     */
    public record SnmpAccess(String version, String user, String authProtocol, String privProtocol,
            boolean secretsSet, boolean writeCommunitySet) {
    }

    /** The device's state from its polls; {@code unknown} with nothing else while it was never polled. */
    public record Monitoring(DeviceState state, Instant lastPollAt, Instant lastSuccessAt, int consecutiveFailures,
            String sysName, String lastError, Instant stateChangedAt) {
    }
}
