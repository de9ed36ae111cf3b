package io.ispflow.network.readings;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An interface of a device as last polled: statuses, speed (Mbit/s), rates (bit/s), utilisation (%),
 * errors of the interval, when; and the client whose access port it is, if any.
 */
public record InterfaceReading(int ifIndex, String ifName, String operStatus, String adminStatus, int speedMbps,
        Long inBps, Long outBps, BigDecimal utilization, int errors, Instant sampledAt, PortClient client) {

    /** The client on the port. */
    public record PortClient(UUID id, String accountNumber, String name) {
    }
}
