package io.ispflow.platform.security.secondfactor;

/** A confirmation without a new secret waiting for it. */
public class NoEnrolmentPending extends RuntimeException {

    public NoEnrolmentPending() {
        super("No second-factor enrolment is waiting for confirmation: start one with POST /api/auth/second-factor.");
    }
}
