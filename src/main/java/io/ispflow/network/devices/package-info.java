/**
 * Managed network devices (management address, write-only SNMP access, polling settings, monitoring
 * state) and clients' access ports on them.
 */
@org.springframework.modulith.NamedInterface("devices")
package io.ispflow.network.devices;
