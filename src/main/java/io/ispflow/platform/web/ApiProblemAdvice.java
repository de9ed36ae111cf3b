package io.ispflow.platform.web;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import jakarta.validation.ConstraintViolationException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mapping.PropertyReferenceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.ispflow.platform.NoCompanySelected;
import io.ispflow.platform.web.Problems.FieldError;

/**
 * The API's errors that belong to no business module: malformed input, validation, access, conflicts
 * between concurrent edits. Business modules map their own exceptions in their {@code web} packages.
 */
@RestControllerAdvice(basePackages = "io.ispflow")
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiProblemAdvice extends ResponseEntityExceptionHandler {

    /** One offending field of a request. */

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.getDefaultMessage()))
                .toList();
        return ResponseEntity.badRequest().body(invalid("The request has invalid fields.", errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> a + "." + b).orElse("");
            String message = mapping instanceof TextWithoutNul.NulInText ? NulCharacterFilter.MESSAGE
                    : mapping instanceof InvalidFormatException format && format.getTargetType().isEnum()
                    ? "must be one of " + allowedValues(format.getTargetType())
                    : "has the wrong format";
            return ResponseEntity.badRequest().body(invalid("The request has invalid fields.",
                    List.of(new FieldError(field, message))));
        }
        return ResponseEntity.badRequest().body(invalid("The request body is not valid JSON.", List.of()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail parameterMismatch(MethodArgumentTypeMismatchException e) {
        String message = e.getRequiredType() != null && e.getRequiredType().isEnum()
                ? "must be one of " + allowedValues(e.getRequiredType())
                : "has the wrong format";
        return invalid("The request has invalid parameters.", List.of(new FieldError(e.getName(), message)));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolation(ConstraintViolationException e) {
        var errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
                .toList();
        return invalid("The request has invalid fields.", errors);
    }

    @ExceptionHandler(PropertyReferenceException.class)
    ProblemDetail unknownSortProperty(PropertyReferenceException e) {
        return invalid("The request has invalid parameters.",
                List.of(new FieldError("sort", "cannot sort by '" + e.getPropertyName() + "'")));
    }

    @ExceptionHandler(PageParameters.InvalidPageParameter.class)
    ProblemDetail invalidPage(PageParameters.InvalidPageParameter e) {
        return invalid("The request has invalid parameters.", List.of(new FieldError(e.parameter(), e.getMessage())));
    }

    @ExceptionHandler(NoCompanySelected.class)
    ProblemDetail noCompany(NoCompanySelected e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "company-required", "Company required", e.getMessage());
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ProblemDetail accessDenied(RuntimeException e) {
        return Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Not allowed for your role",
                "Your role does not permit this action.");
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail concurrentEdit(OptimisticLockingFailureException e) {
        return Problems.of(HttpStatus.CONFLICT, "concurrent-modification", "Changed by someone else",
                "The record was changed by someone else in the meantime. Reload it and try again.");
    }

    /**
     * The safety net for values that passed the API's validation but not PostgreSQL's: the SQLState
     * says whose fault it is. The database's message names tables and statements, so it stays in the log.
     */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ProblemDetail> dataRefused(DataAccessException e) {
        ProblemDetail problem = DatabaseRefusals.problemFor(e);
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    static ProblemDetail invalid(String detail, List<FieldError> errors) {
        return Problems.invalid(detail, errors);
    }

    private static String allowedValues(Class<?> enumType) {
        return java.util.Arrays.stream(enumType.getEnumConstants())
                .map(c -> JsonConventions.lowerCase((Enum<?>) c))
                .toList().toString();
    }
}
