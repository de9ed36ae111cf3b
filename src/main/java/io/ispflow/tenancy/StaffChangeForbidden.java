package io.ispflow.tenancy;

/** A change to a staff login that nobody in the caller's position may make; the message says why. */
public class StaffChangeForbidden extends RuntimeException {

    public StaffChangeForbidden(String why) {
        super(why);
    }
}
