package io.ispflow.network.qos;

/** The traffic a policy shapes: all of it ({@code both}), or TCP or UDP only. */
public enum QosProtocol {
    BOTH, TCP, UDP
}
