package io.ispflow.network.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.ispflow.network.devices.DeviceSettings;
import io.ispflow.network.devices.DeviceType;
import io.ispflow.network.snmp.SnmpCredentials;

/**
 * A device as staff send it. {@code snmp} is required when the device is added; on an update it may be
 * left out (access unchanged), and its secrets may be left out (kept).
 */
record DeviceRequest(@NotBlank @Size(max = 100) String name,
        @NotNull DeviceType deviceType,
        @Size(max = 100) String brand,
        @Size(max = 100) String model,
        @NotBlank @IpLiteral String ipAddress,
        @Min(1) @Max(65535) Integer snmpPort,
        @Size(max = 100) String serialNumber,
        @Size(max = 255) String location,
        @Valid SnmpRequest snmp,
        Boolean snmpWriteAccess,
        Boolean pollingEnabled,
        @Min(10) @Max(3600) Integer pollIntervalSeconds) {

    /** Printable ASCII, as SNMP tools and device configurations take communities, users and keys. */
    static final String PRINTABLE = "[\\x20-\\x7E]*";
    static final String PRINTABLE_MESSAGE = "must be printable ASCII characters";

    /** The SNMP versions a device is managed with. */
    enum SnmpVersion {
        V2C, V3
    }

    /** SNMP access; secrets are write-only. {@code writeCommunity} empty removes it. */
    record SnmpRequest(@NotNull SnmpVersion version,
            @Size(min = 1, max = 64) @Pattern(regexp = PRINTABLE, message = PRINTABLE_MESSAGE) String community,
            @Size(max = 64) @Pattern(regexp = PRINTABLE, message = PRINTABLE_MESSAGE) String writeCommunity,
            @Size(min = 1, max = 32) @Pattern(regexp = "[\\x21-\\x7E]*", message = "must be printable ASCII without spaces")
            String user,
            SnmpCredentials.AuthProtocol authProtocol,
            @Size(min = 8, max = 128, message = "must be 8 to 128 characters (SNMPv3 USM)")
            @Pattern(regexp = PRINTABLE, message = PRINTABLE_MESSAGE) String authKey,
            SnmpCredentials.PrivProtocol privProtocol,
            @Size(min = 8, max = 128, message = "must be 8 to 128 characters (SNMPv3 USM)")
            @Pattern(regexp = PRINTABLE, message = PRINTABLE_MESSAGE) String privKey) {

        @Override
        public String toString() {
            return "SNMP " + version + " (secrets hidden)";
        }

        DeviceSettings.SnmpAccessChange change() {
            return new DeviceSettings.SnmpAccessChange(version == SnmpVersion.V3 ? "v3" : "v2c", community,
                    writeCommunity, user, authProtocol, authKey, privProtocol, privKey);
        }
    }

    DeviceSettings settings() {
        return new DeviceSettings(name, deviceType, brand, model, ipAddress, snmpPort == null ? 161 : snmpPort,
                serialNumber, location, snmp == null ? null : snmp.change(), Boolean.TRUE.equals(snmpWriteAccess),
                pollingEnabled == null || pollingEnabled, pollIntervalSeconds == null ? 60 : pollIntervalSeconds);
    }

    @Override
    public String toString() {
        return "Device " + name + " at " + ipAddress + " (" + snmp + ")";
    }
}
