package io.ispflow.network;

import java.math.BigDecimal;

/**
 * What the technician reports from the client's premises.
 *
 * @param installed    whether the service was installed
 * @param macAddress   MAC of the installed CPE/ONU (any common notation)
 * @param ipAddress    IPv4 address given to it
 * @param signalDbm    received signal level, dBm
 * @param failureReason why it could not be installed (when not installed)
 */
public record InstallationReport(boolean installed, String equipmentSerial, String macAddress, String ipAddress,
        BigDecimal signalDbm, String failureReason, String notes) {
}
