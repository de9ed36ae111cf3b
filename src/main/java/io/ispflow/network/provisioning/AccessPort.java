package io.ispflow.network.provisioning;

import java.util.UUID;

/**
 * A client's access port: the device ({@code equipment}) and the port's ifIndex and name, as his
 * {@code client_equipment} row records them.
 */
record AccessPort(UUID equipmentId, String deviceName, String deviceAddress, int ifIndex, String portName) {
}
