package io.ispflow.platform.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A bearer token as the caller presented it, before {@link ApiTokenAuthenticationProvider} checks it. */
final class BearerToken extends AbstractAuthenticationToken {

    private static final String PREFIX = "Bearer ";

    private final String token;

    BearerToken(String token) {
        super(null);
        this.token = token;
        setAuthenticated(false);
    }

    /** The token of an {@code Authorization: Bearer …} header; null if the request carries none. */
    static String in(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return null;
        }
        String token = header.substring(PREFIX.length()).trim();
        return token.isEmpty() ? null : token;
    }

    /** For Spring Security's authentication filter: the request's bearer token, or null to let others try. */
    static BearerToken of(HttpServletRequest request) {
        String token = in(request);
        return token == null ? null : new BearerToken(token);
    }

    @Override
    public String getCredentials() {
        return token;
    }

    @Override
    public Object getPrincipal() {
        return "";
    }

    @Override
    public String toString() {
        return "BearerToken[hidden]";
    }
}
