package io.ispflow.clients;

import java.util.UUID;

/** The chosen service package is not one the company offers. */
public class UnknownServicePackage extends RuntimeException {

    public UnknownServicePackage(UUID id) {
        super("Service package " + id + " is not offered by your company.");
    }
}
