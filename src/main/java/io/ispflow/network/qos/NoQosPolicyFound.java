package io.ispflow.network.qos;

/** Nothing sets a QoS policy here: a package without one, or a client without his own or a package's. */
public class NoQosPolicyFound extends RuntimeException {

    public NoQosPolicyFound(String message) {
        super(message);
    }
}
