package io.ispflow.tenancy;

/** No staff login with this id exists, or none the caller may see. */
public class StaffNotFound extends RuntimeException {

    public StaffNotFound(String userId) {
        super("No staff member " + userId + " in your company.");
    }
}
