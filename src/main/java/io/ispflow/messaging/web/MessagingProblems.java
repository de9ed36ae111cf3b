package io.ispflow.messaging.web;

import java.util.List;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.ispflow.messaging.InvalidRecipient;
import io.ispflow.messaging.TemplateRefused;
import io.ispflow.messaging.UnknownMessagePurpose;
import io.ispflow.platform.web.Problems;

/** Problem details for messaging's refusals. */
@RestControllerAdvice(basePackages = "io.ispflow")
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class MessagingProblems {

    @ExceptionHandler(TemplateRefused.class)
    ProblemDetail templateRefused(TemplateRefused e) {
        return invalid("The template names what its purpose does not have.", e.mistakes().stream()
                .map(mistake -> Map.of("field", mistake.field(), "message", mistake.message())).toList());
    }

    @ExceptionHandler(InvalidRecipient.class)
    ProblemDetail invalidRecipient(InvalidRecipient e) {
        return invalid("The request has invalid fields.", List.of(Map.of("field", e.field(), "message", e.getMessage())));
    }

    @ExceptionHandler(UnknownMessagePurpose.class)
    ProblemDetail unknownPurpose(UnknownMessagePurpose e) {
        return Problems.of(HttpStatus.NOT_FOUND, "message-template-not-found", "Message template not found",
                "There is no client message template of that purpose and language.");
    }

    private static ProblemDetail invalid(String detail, List<Map<String, String>> errors) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", "Invalid request", detail);
        problem.setProperty("errors", errors);
        return problem;
    }
}
