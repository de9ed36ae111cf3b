package io.ispflow.tenancy.web;

import java.util.List;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.ispflow.platform.web.Problems;
import io.ispflow.tenancy.CompanyNotFound;
import io.ispflow.tenancy.InvitationGone;
import io.ispflow.tenancy.InvitationNotFound;
import io.ispflow.tenancy.PasswordRefused;
import io.ispflow.tenancy.SlugTaken;
import io.ispflow.tenancy.StaffChangeForbidden;
import io.ispflow.tenancy.StaffIdTaken;
import io.ispflow.tenancy.StaffInactive;
import io.ispflow.tenancy.StaffNotFound;

@RestControllerAdvice(basePackages = "io.ispflow")
@Order(Ordered.HIGHEST_PRECEDENCE)
class StaffProblems {

    @ExceptionHandler(StaffNotFound.class)
    ProblemDetail notFound(StaffNotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, "staff-not-found", "Staff member not found", e.getMessage());
    }

    @ExceptionHandler(CompanyNotFound.class)
    ProblemDetail companyNotFound(CompanyNotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, "company-not-found", "Company not found", e.getMessage());
    }

    @ExceptionHandler(StaffIdTaken.class)
    ProblemDetail userIdTaken(StaffIdTaken e) {
        return Problems.of(HttpStatus.CONFLICT, "user-id-taken", "User name taken", e.getMessage());
    }

    @ExceptionHandler(SlugTaken.class)
    ProblemDetail slugTaken(SlugTaken e) {
        return Problems.of(HttpStatus.CONFLICT, "slug-taken", "Slug taken", e.getMessage());
    }

    @ExceptionHandler(StaffInactive.class)
    ProblemDetail inactive(StaffInactive e) {
        return Problems.of(HttpStatus.CONFLICT, "staff-inactive", "Login deactivated", e.getMessage());
    }

    @ExceptionHandler(StaffChangeForbidden.class)
    ProblemDetail forbidden(StaffChangeForbidden e) {
        return Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", e.getMessage());
    }

    @ExceptionHandler(InvitationNotFound.class)
    ProblemDetail invitationNotFound(InvitationNotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, "invitation-not-found", "Invitation not found", e.getMessage());
    }

    @ExceptionHandler(InvitationGone.class)
    ProblemDetail invitationGone(InvitationGone e) {
        return Problems.of(HttpStatus.GONE, e.reason().type(), "Invitation no longer valid", e.getMessage());
    }

    /** Shaped like every other refused field ({@code validation}), so that forms show it by the field. */
    @ExceptionHandler(PasswordRefused.class)
    ProblemDetail passwordRefused(PasswordRefused e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                "The request has invalid fields.");
        problem.setProperties(Map.of("errors", List.of(Map.of("field", "password", "message", e.getMessage()))));
        return problem;
    }
}
