/**
 * SNMP with devices: the application's SNMP4J manager session, and each device's endpoint and
 * credentials (secrets encrypted at rest, hidden when printed).
 */
@org.springframework.modulith.NamedInterface("snmp")
package io.ispflow.network.snmp;
