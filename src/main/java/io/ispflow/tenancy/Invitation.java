package io.ispflow.tenancy;

import java.time.Instant;

/**
 * A fresh invitation. The token exists only here: the database keeps its hash, so this is the one
 * moment it can be handed on.
 */
public record Invitation(String userId, String token, Instant expiresAt) {

    /** Where the invitee sets his password ({@code POST}, no login). */
    public static final String PATH = "/api/staff/invitations/";

    public String path() {
        return PATH + token;
    }

    /** Without the token: a log line must not open the account. */
    @Override
    public String toString() {
        return "Invitation[userId=" + userId + ", expiresAt=" + expiresAt + "]";
    }
}
