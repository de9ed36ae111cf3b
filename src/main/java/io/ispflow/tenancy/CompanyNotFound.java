package io.ispflow.tenancy;

import java.util.UUID;

/** No ISP company with this id exists, or none the caller may see. */
public class CompanyNotFound extends RuntimeException {

    public CompanyNotFound(UUID id) {
        super("No ISP company " + id + ".");
    }
}
