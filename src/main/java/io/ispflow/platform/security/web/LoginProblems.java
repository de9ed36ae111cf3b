package io.ispflow.platform.security.web;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.ispflow.platform.security.secondfactor.NoEnrolmentPending;
import io.ispflow.platform.security.secondfactor.WrongSecondFactorCode;
import io.ispflow.platform.web.Problems;

/**
 * Problems of the login and enrolment endpoints. A refused login is answered by the same entry point
 * as a refused HTTP Basic login or token, so every door answers 401 and 429 alike.
 */
@RestControllerAdvice(basePackages = "io.ispflow")
@Order(Ordered.HIGHEST_PRECEDENCE)
class LoginProblems {

    private final AuthenticationEntryPoint refusals;

    LoginProblems(AuthenticationEntryPoint refusals) {
        this.refusals = refusals;
    }

    @ExceptionHandler(AuthenticationException.class)
    void refused(AuthenticationException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        refusals.commence(request, response, e);
    }

    @ExceptionHandler(NoEnrolmentPending.class)
    ProblemDetail noEnrolment(NoEnrolmentPending e) {
        return Problems.of(HttpStatus.CONFLICT, "second-factor-not-pending", "No enrolment to confirm", e.getMessage());
    }

    @ExceptionHandler(WrongSecondFactorCode.class)
    ProblemDetail wrongCode(WrongSecondFactorCode e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "second-factor-code-wrong", "Wrong code", e.getMessage());
    }
}
