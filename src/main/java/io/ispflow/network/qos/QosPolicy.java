package io.ispflow.network.qos;

import java.time.Instant;
import java.util.UUID;

/**
 * A QoS policy of the company, rates in kbit/s. An inactive policy keeps the packages and clients it
 * has, and is given to no new one.
 */
public record QosPolicy(UUID id, String name, int maxBandwidthDown, int maxBandwidthUp, QosPriority priority,
        Integer burstSize, Integer guaranteedBandwidth, QosProtocol protocol, boolean active, Instant createdAt,
        Instant updatedAt) {
}
