package io.ispflow.platform.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The login back-off for {@code /engine-rest/**}, in front of Camunda's authentication filter: a
 * held-back caller gets 429 before his password is checked. What the check decided is left on the
 * request by {@link CachingHttpBasicAuthenticationProvider}.
 */
class EngineRestLoginThrottleFilter extends OncePerRequestFilter {

    private final LoginGate gate;

    EngineRestLoginThrottleFilter(LoginGate gate) {
        this.gate = gate;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        BasicCredentials credentials = BasicCredentials.of(request.getHeader("Authorization"));
        if (credentials == null) {
            // Camunda's filter refuses it, or the path needs no login: no password is checked either way
            chain.doFilter(request, response);
            return;
        }
        gate.pass(credentials.userId(), request, response, chain,
                (checked, answered) -> CachingHttpBasicAuthenticationProvider.outcomeOf(checked));
    }
}
