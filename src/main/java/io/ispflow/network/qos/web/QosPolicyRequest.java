package io.ispflow.network.qos.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import io.ispflow.network.qos.QosLimits;
import io.ispflow.network.qos.QosPriority;
import io.ispflow.network.qos.QosProtocol;

/**
 * A policy as staff send it, rates in kbit/s (at most 100 Gbit/s); priority {@code medium} and protocol
 * {@code both} when left out. {@code active} is read on a replacement only; left out, it stays.
 */
record QosPolicyRequest(@NotBlank @Size(max = 100) String name,
        @NotNull @Positive @Max(MAX_RATE) Integer maxBandwidthDown,
        @NotNull @Positive @Max(MAX_RATE) Integer maxBandwidthUp,
        QosPriority priority,
        @PositiveOrZero @Max(MAX_RATE) Integer burstSize,
        @Positive @Max(MAX_RATE) Integer guaranteedBandwidth,
        QosProtocol protocol,
        Boolean active) {

    static final int MAX_RATE = 100_000_000;

    QosLimits limits() {
        return new QosLimits(name, maxBandwidthDown, maxBandwidthUp, priority == null ? QosPriority.MEDIUM : priority,
                burstSize, guaranteedBandwidth, protocol == null ? QosProtocol.BOTH : protocol);
    }
}
