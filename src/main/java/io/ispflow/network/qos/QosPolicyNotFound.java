package io.ispflow.network.qos;

import java.util.UUID;

/** No QoS policy of the company by this id. */
public class QosPolicyNotFound extends RuntimeException {

    public QosPolicyNotFound(UUID id) {
        super("No QoS policy " + id + " in your company.");
    }
}
