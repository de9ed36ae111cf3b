package io.ispflow.platform.security;

import org.springframework.security.core.AuthenticationException;

/** A password-only login (HTTP Basic) of a staff member whose role needs a second factor. */
class SecondFactorRequired extends AuthenticationException {

    SecondFactorRequired() {
        super("This role logs in with a second factor");
    }
}
