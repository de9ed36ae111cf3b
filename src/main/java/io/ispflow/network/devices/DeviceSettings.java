package io.ispflow.network.devices;

/**
 * What staff set of a device. {@code access} holds the SNMP version, v3 user and protocols and the
 * secrets; a secret left null on an update keeps the stored one.
 */
public record DeviceSettings(String name, DeviceType deviceType, String brand, String model, String ipAddress,
        int snmpPort, String serialNumber, String location, SnmpAccessChange access, boolean snmpWriteAccess,
        boolean pollingEnabled, int pollIntervalSeconds) {

    /**
     * SNMP access as given: {@code v2c} with a community (and a write community; an empty one removes
     * it), or {@code v3} with a USM user, protocols and keys. Null secrets keep what is stored.
     */
    public record SnmpAccessChange(String version, String community, String writeCommunity, String user,
            io.ispflow.network.snmp.SnmpCredentials.AuthProtocol authProtocol, String authKey,
            io.ispflow.network.snmp.SnmpCredentials.PrivProtocol privProtocol, String privKey) {

        @Override
        public String toString() {
            return "SNMP " + version + (user == null ? "" : " user " + user) + " (secrets hidden)";
        }
    }
}
