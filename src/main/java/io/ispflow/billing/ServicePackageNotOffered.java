package io.ispflow.billing;

import java.util.UUID;

/** A service package the company does not (or no longer) offer. */
public class ServicePackageNotOffered extends RuntimeException {

    public ServicePackageNotOffered(UUID id) {
        super("Service package " + id + " is not offered by your company.");
    }
}
