package io.ispflow.platform.security.secondfactor;

/**
 * A new TOTP secret (Base32) and the {@code otpauth://} URI that carries it into an authenticator app.
 * Shown to its owner once; never logged.
 */
public record Enrolment(String secret, String otpauthUri) {

    @Override
    public String toString() {
        return "Enrolment[secret and URI hidden]";
    }
}
