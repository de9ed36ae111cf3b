package io.ispflow.network.snmp;

import java.util.UUID;

/** A device's management address or SNMP credentials were stored anew (published in the storing transaction). */
public record DeviceAccessChanged(UUID equipmentId) {
}
