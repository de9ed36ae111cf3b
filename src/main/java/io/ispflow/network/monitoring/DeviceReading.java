package io.ispflow.network.monitoring;

import java.util.List;

/** What one successful poll of a device read: its uptime (hundredths of a second), identity if asked, interfaces. */
record DeviceReading(long uptimeTicks, String sysName, String sysDescr, List<InterfaceReading> interfaces) {
}
