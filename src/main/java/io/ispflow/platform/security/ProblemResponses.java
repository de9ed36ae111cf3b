package io.ispflow.platform.security;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

import io.ispflow.platform.web.Problems;

/**
 * 401, 403 and 429 (a login held back after failed attempts) from the security filters and the login
 * endpoint, as RFC 9457 problem details like every other API error.
 */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ObjectMapper objectMapper;

    ProblemResponses(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof LoginThrottled throttled) {
            tooManyFailedLogins(request, response, throttled.retryAfter());
        } else if (e instanceof SecondFactorRequired) {
            secondFactorRequired(request, response);
        } else if (e instanceof InvalidApiToken) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"ISPFlow\", error=\"invalid_token\"");
            write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
                    "The token is unknown, expired or revoked. Log in again at /api/auth/login.");
        } else {
            response.setHeader("WWW-Authenticate", "Basic realm=\"ISPFlow\"");
            write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
                    "Log in with your ISPFlow staff user name and password"
                    + " (or with a token from /api/auth/login, for a role with a second factor).");
        }
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (Authorities.enrolOnly(SecurityContextHolder.getContext().getAuthentication())) {
            write(request, response, HttpStatus.FORBIDDEN, "second-factor-enrolment-required",
                    "Enrol a second factor first", "This token can only enrol a second factor: POST "
                    + "/api/auth/second-factor, then /api/auth/second-factor/confirm. Then log in again with a code.");
            return;
        }
        write(request, response, HttpStatus.FORBIDDEN, "forbidden", "Not allowed for your role",
                "Your role does not permit " + request.getMethod() + " " + request.getRequestURI() + ".");
    }

    /** 401 for a password-only login (HTTP Basic) of a role that logs in with a second factor. */
    void secondFactorRequired(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"ISPFlow\"");
        write(request, response, HttpStatus.UNAUTHORIZED, "second-factor-required", "Second factor required",
                "Log in at /api/auth/login with your code and use the token.");
    }

    /**
     * 401 for a webapp login of a second-factor role without a right password and current code. The
     * {@code message} is what the login page shows.
     */
    void wrongWebappLogin(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String detail = "Wrong user name, password or code. Your role logs in with a second factor:"
                + " type your password immediately followed by the 6-digit code of your authenticator app.";
        write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Login failed", detail,
                Map.of("message", detail));
    }

    /** 401 for a webapp login of a second-factor role that has no second factor yet (password verified). */
    void enrolFirst(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String detail = "Your role logs in with a second factor, and you have none yet. Enrol through the API"
                + " first: POST /api/auth/login, then /api/auth/second-factor and /api/auth/second-factor/confirm.";
        write(request, response, HttpStatus.UNAUTHORIZED, "second-factor-enrolment-required",
                "Enrol a second factor first", detail, Map.of("message", detail));
    }

    /**
     * 429 with {@code Retry-After} in whole seconds. The detail is also given as {@code message}, which
     * is what the Camunda webapps' login page shows of a refused login.
     */
    void tooManyFailedLogins(HttpServletRequest request, HttpServletResponse response, Duration wait)
            throws IOException {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        String detail = "Too many failed logins. Try again in " + inWords(seconds) + ".";
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        write(request, response, HttpStatus.TOO_MANY_REQUESTS, "login-throttled", "Too many failed logins", detail,
                Map.of("message", detail, "retryAfterSeconds", seconds));
    }

    void unreadableLogin(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String detail = "A login is a URL-encoded form with one user name and one password.";
        write(request, response, HttpStatus.BAD_REQUEST, "login-unreadable", "Unreadable login", detail,
                Map.of("message", detail));
    }

    private static String inWords(long seconds) {
        if (seconds < 120) {
            return seconds == 1 ? "1 second" : seconds + " seconds";
        }
        return (seconds + 59) / 60 + " minutes";
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
            String type, String title, String detail) throws IOException {
        write(request, response, status, type, title, detail, Map.of());
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
            String type, String title, String detail, Map<String, Object> properties) throws IOException {
        ProblemDetail problem = Problems.of(status, type, title, detail);
        properties.forEach(problem::setProperty);
        Problems.send(request, response, problem, objectMapper);
    }
}
