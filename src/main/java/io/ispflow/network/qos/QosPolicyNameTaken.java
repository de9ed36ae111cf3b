package io.ispflow.network.qos;

/** Another policy of the company has the name (in any case). */
public class QosPolicyNameTaken extends RuntimeException {

    public QosPolicyNameTaken(String name) {
        super("The company has a QoS policy named '" + name + "' already; choose another name.");
    }
}
