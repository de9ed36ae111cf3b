package io.ispflow.platform.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The login back-off for the Camunda webapps, in front of Camunda's login resource: a held-back caller
 * gets 429, which the login page shows, before his password is checked. Camunda answers 200 for a
 * verified password and 401 for a refused one (as does {@link WebappSecondFactorFilter} behind this one).
 *
 * <p>The filter reads the {@link LoginForm} itself and hands the same bytes on, so that it throttles
 * exactly the user name Camunda will check; a body it cannot read that way (another media type, a
 * repeated or malformed field, an oversized form) is refused rather than let through unthrottled.
 */
class WebappLoginThrottleFilter extends OncePerRequestFilter {

    private final LoginGate gate;

    WebappLoginThrottleFilter(LoginGate gate) {
        this.gate = gate;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !LoginForm.isLogin(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        LoginForm form = LoginForm.read(request);
        List<String> userNames = form == null ? null : form.values("username");
        if (userNames == null || userNames.size() > 1) {
            gate.refuseUnreadable(request, response);
            return;
        }
        HttpServletRequest replayed = form.asBodyOf(request);
        if (userNames.isEmpty()) {
            // no user name: Camunda refuses it without checking any password
            chain.doFilter(replayed, response);
            return;
        }
        gate.pass(userNames.get(0), replayed, response, chain, (checked, answered) -> switch (answered.getStatus()) {
            case 200 -> LoginGate.Outcome.VERIFIED;
            case 401 -> LoginGate.Outcome.REFUSED;
            // e.g. 403: refused by the CSRF filter, or no access to this app; either way not a failure
            default -> LoginGate.Outcome.UNKNOWN;
        });
    }
}
