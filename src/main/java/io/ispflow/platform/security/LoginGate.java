package io.ispflow.platform.security;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The throttle in front of a login that Camunda checks itself (the engine REST API, the webapps'
 * login): refuses with 429 while the {@link LoginThrottle} holds the caller back, otherwise lets the
 * request through and reports what the password check decided.
 */
final class LoginGate {

    /** What the password check behind the gate decided, as far as the gate can tell. */
    enum Outcome { VERIFIED, REFUSED, UNKNOWN }

    /** Reads the outcome from the request and response once the login has run. */
    @FunctionalInterface
    interface OutcomeReader {
        Outcome read(HttpServletRequest request, HttpServletResponse response);
    }

    private final LoginThrottle throttle;
    private final ProblemResponses problems;

    LoginGate(LoginThrottle throttle, ProblemResponses problems) {
        this.throttle = throttle;
        this.problems = problems;
    }

    /** 400 for a login request the gate cannot read as surely as the login behind it would. */
    void refuseUnreadable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        problems.unreadableLogin(request, response);
    }

    void pass(String userId, HttpServletRequest request, HttpServletResponse response, FilterChain chain,
            OutcomeReader outcome) throws IOException, ServletException {
        String source = request.getRemoteAddr();
        Duration wait = throttle.waitBefore(userId, source);
        if (!wait.isZero()) {
            problems.tooManyFailedLogins(request, response, wait);
            return;
        }
        chain.doFilter(request, response);
        // only a real password check counts: a request that never reached one must neither add a
        // failure nor, worse, clear the back-off as a success would
        switch (outcome.read(request, response)) {
            case VERIFIED -> throttle.succeeded(userId, source);
            case REFUSED -> throttle.failed(userId, source);
            case UNKNOWN -> { }
        }
    }
}
