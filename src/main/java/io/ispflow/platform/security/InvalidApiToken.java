package io.ispflow.platform.security;

import org.springframework.security.core.AuthenticationException;

/** A bearer token that is unknown, expired or revoked, or whose owner has lost his staff role. */
class InvalidApiToken extends AuthenticationException {

    InvalidApiToken() {
        super("Unknown, expired or revoked API token");
    }
}
