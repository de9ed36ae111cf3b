package io.ispflow.network.devices;

import io.ispflow.network.devices.DeviceSettings.SnmpAccessChange;
import io.ispflow.network.snmp.SnmpCredentials;

/**
 * The credentials a change of SNMP access leads to: what was given, with the stored secrets kept where
 * the change leaves them out (write-only fields are never sent back, so an edit cannot repeat them).
 */
final class SnmpAccessMerge {

    SnmpCredentials credentials(SnmpAccessChange change, SnmpCredentials stored) {
        if (change == null) {
            throw new InvalidDeviceAccess("snmp", "is required: version v2c with a community, or v3 with a user and keys");
        }
        return "v3".equals(change.version()) ? v3(change, stored instanceof SnmpCredentials.V3 v3 ? v3 : null)
                : v2c(change, stored instanceof SnmpCredentials.V2c v2c ? v2c : null);
    }

    private static SnmpCredentials v2c(SnmpAccessChange change, SnmpCredentials.V2c stored) {
        refuse(change.user(), "snmp.user", "v3");
        refuse(change.authProtocol(), "snmp.authProtocol", "v3");
        refuse(change.authKey(), "snmp.authKey", "v3");
        refuse(change.privProtocol(), "snmp.privProtocol", "v3");
        refuse(change.privKey(), "snmp.privKey", "v3");
        String community = change.community() != null ? change.community() : stored == null ? null : stored.community();
        if (community == null) {
            throw new InvalidDeviceAccess("snmp.community", "is required for SNMP v2c");
        }
        String write = change.writeCommunity() == null ? (stored == null ? null : stored.writeCommunity())
                : change.writeCommunity().isEmpty() ? null : change.writeCommunity();
        return new SnmpCredentials.V2c(community, write);
    }

    private static SnmpCredentials v3(SnmpAccessChange change, SnmpCredentials.V3 stored) {
        refuse(change.community(), "snmp.community", "v2c");
        refuse(change.writeCommunity(), "snmp.writeCommunity", "v2c");
        require(change.user(), "snmp.user");
        require(change.authProtocol(), "snmp.authProtocol");
        require(change.privProtocol(), "snmp.privProtocol");
        String authKey = change.authKey() != null ? change.authKey() : stored == null ? null : stored.authKey();
        String privKey = change.privKey() != null ? change.privKey() : stored == null ? null : stored.privKey();
        require(authKey, "snmp.authKey");
        require(privKey, "snmp.privKey");
        return new SnmpCredentials.V3(change.user(), change.authProtocol(), authKey, change.privProtocol(), privKey);
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new InvalidDeviceAccess(field, "is required for SNMP v3 (authPriv)");
        }
    }

    private static void refuse(Object value, String field, String version) {
        if (value != null) {
            throw new InvalidDeviceAccess(field, "is only for SNMP " + version);
        }
    }
}
