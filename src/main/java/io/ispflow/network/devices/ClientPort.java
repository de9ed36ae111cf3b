package io.ispflow.network.devices;

import java.time.Instant;
import java.util.UUID;

/**
 * A client's access port: the device and interface his service runs through, and what the latest poll
 * saw of it ({@code port} is null until the interface has been polled).
 */
public record ClientPort(UUID clientId, String accountNumber, String clientName, UUID deviceId, String deviceName,
        int ifIndex, String ifName, Instant assignedAt, DeviceState deviceState, PortState port) {

    /** The interface as last polled: statuses, rates in bit/s, and when. */
    public record PortState(String operStatus, String adminStatus, Long inBps, Long outBps, Instant sampledAt) {
    }
}
