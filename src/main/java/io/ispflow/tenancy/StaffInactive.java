package io.ispflow.tenancy;

/** The login was deactivated: it holds no role that could be changed. */
public class StaffInactive extends RuntimeException {

    public StaffInactive(String userId) {
        super("The login " + userId + " is deactivated and holds no role.");
    }
}
