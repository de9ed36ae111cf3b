package io.ispflow.clients.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.ispflow.clients.ClientHasHistory;
import io.ispflow.clients.ClientNotFound;
import io.ispflow.clients.UnknownServicePackage;
import io.ispflow.platform.web.Problems;
import io.ispflow.tenancy.ClientLimitReached;

@RestControllerAdvice(basePackages = "io.ispflow")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ClientProblems {

    @ExceptionHandler(ClientNotFound.class)
    ProblemDetail notFound(ClientNotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, "client-not-found", "Client not found", e.getMessage());
    }

    @ExceptionHandler(ClientLimitReached.class)
    ProblemDetail limitReached(ClientLimitReached e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "client-limit-reached", "Client limit reached",
                e.getMessage());
        problem.setProperty("clientLimit", e.limit());
        return problem;
    }

    @ExceptionHandler(ClientHasHistory.class)
    ProblemDetail hasHistory(ClientHasHistory e) {
        return Problems.of(HttpStatus.CONFLICT, "client-has-history", "Client has history", e.getMessage());
    }

    @ExceptionHandler(UnknownServicePackage.class)
    ProblemDetail unknownPackage(UnknownServicePackage e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "unknown-service-package", "Unknown service package",
                e.getMessage());
    }
}
