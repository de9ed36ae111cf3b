package io.ispflow.tenancy.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.ispflow.platform.web.Problems;
import io.ispflow.tenancy.StaffNotFound;

@RestControllerAdvice(basePackages = "io.ispflow")
@Order(Ordered.HIGHEST_PRECEDENCE)
class StaffProblems {

    @ExceptionHandler(StaffNotFound.class)
    ProblemDetail notFound(StaffNotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, "staff-not-found", "Staff member not found", e.getMessage());
    }
}
