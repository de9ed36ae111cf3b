package io.ispflow.tenancy;

/** No invitation has this token. */
public class InvitationNotFound extends RuntimeException {

    public InvitationNotFound() {
        super("This invitation link is not valid. Ask your administrator for a new one.");
    }
}
