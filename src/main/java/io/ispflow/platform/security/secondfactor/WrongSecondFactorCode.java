package io.ispflow.platform.security.secondfactor;

/** A confirmation with a code that the pending secret does not produce now. */
public class WrongSecondFactorCode extends RuntimeException {

    public WrongSecondFactorCode() {
        super("The code does not match the new secret. Enter the 6-digit code your authenticator app shows now.");
    }
}
