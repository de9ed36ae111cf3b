package io.ispflow.platform.security;

import java.util.Locale;

/**
 * What a token from {@code /api/auth/login} may do: everything the owner's roles allow, or only enrol a
 * second factor (the token a staff member of a second-factor role gets before he has one).
 */
public enum ApiScope {
    FULL, ENROL;

    /** The Spring Security authority that marks an enrolment-only login. */
    static final String ENROL_ONLY = "SCOPE_enrol";

    /** The value of the {@code scope} column. */
    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ApiScope fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
