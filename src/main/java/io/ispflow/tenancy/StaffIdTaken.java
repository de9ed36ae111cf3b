package io.ispflow.tenancy;

/** The user id is taken: by a login, or by the profile of one that is gone. */
public class StaffIdTaken extends RuntimeException {

    public StaffIdTaken(String userId) {
        super("The user name " + userId + " is taken. Choose another one.");
    }
}
