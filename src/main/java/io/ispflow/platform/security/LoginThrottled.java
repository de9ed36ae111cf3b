package io.ispflow.platform.security;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** A login refused without a password check, because too many recent attempts failed. */
class LoginThrottled extends AuthenticationException {

    private final transient Duration retryAfter;

    LoginThrottled(Duration retryAfter) {
        super("Too many failed logins; retry after " + retryAfter);
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
