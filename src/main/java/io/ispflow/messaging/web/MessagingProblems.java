package io.ispflow.messaging.web;

import java.util.List;

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
import io.ispflow.platform.web.Problems.FieldError;

/** Problem details for messaging's refusals. */
@RestControllerAdvice(basePackages = "io.ispflow")
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class MessagingProblems {

    @ExceptionHandler(TemplateRefused.class)
    ProblemDetail templateRefused(TemplateRefused e) {
        return Problems.invalid("The template names what its purpose does not have.", e.mistakes().stream()
                .map(mistake -> new FieldError(mistake.field(), mistake.message())).toList());
    }

    @ExceptionHandler(InvalidRecipient.class)
    ProblemDetail invalidRecipient(InvalidRecipient e) {
        return Problems.invalid("The request has invalid fields.", List.of(new FieldError(e.field(), e.getMessage())));
    }

    @ExceptionHandler(UnknownMessagePurpose.class)
    ProblemDetail unknownPurpose(UnknownMessagePurpose e) {
        return Problems.of(HttpStatus.NOT_FOUND, "message-template-not-found", "Message template not found",
                "There is no client message template of that purpose and language.");
    }
}
