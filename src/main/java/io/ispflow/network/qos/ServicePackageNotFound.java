package io.ispflow.network.qos;

import java.util.UUID;

/** No service package of the company by this id. */
public class ServicePackageNotFound extends RuntimeException {

    public ServicePackageNotFound(UUID id) {
        super("No service package " + id + " in your company.");
    }
}
