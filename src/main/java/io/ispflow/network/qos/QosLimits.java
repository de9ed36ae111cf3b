package io.ispflow.network.qos;

/**
 * What a QoS policy sets, rates in kbit/s: the maximum down and up, a rate guaranteed both ways (at
 * most the smaller maximum), a burst size in kbit, the priority and the protocols it applies to.
 * {@code burstSize} and {@code guaranteedBandwidth} may be null (none).
 */
public record QosLimits(String name, int maxBandwidthDown, int maxBandwidthUp, QosPriority priority,
        Integer burstSize, Integer guaranteedBandwidth, QosProtocol protocol) {
}
