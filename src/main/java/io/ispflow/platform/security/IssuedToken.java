package io.ispflow.platform.security;

import java.time.Instant;

/** A token from {@code /api/auth/login}, to be sent as {@code Authorization: Bearer <token>}. Never logged. */
public record IssuedToken(String token, Instant expiresAt, ApiScope scope) {

    @Override
    public String toString() {
        return "IssuedToken[" + scope + ", until " + expiresAt + "]";
    }
}
