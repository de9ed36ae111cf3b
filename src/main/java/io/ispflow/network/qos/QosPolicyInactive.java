package io.ispflow.network.qos;

/** An inactive policy is given to no new package or client. */
public class QosPolicyInactive extends RuntimeException {

    public QosPolicyInactive(String name) {
        super("The QoS policy '" + name + "' is inactive; activate it or choose another.");
    }
}
