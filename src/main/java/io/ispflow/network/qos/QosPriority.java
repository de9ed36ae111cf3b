package io.ispflow.network.qos;

/** How a policy's traffic ranks against others' when the link is full. */
public enum QosPriority {
    LOW, MEDIUM, HIGH, CRITICAL
}
