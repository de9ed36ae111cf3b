package io.ispflow.messaging.web;

import java.util.List;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.ispflow.messaging.staff.AttachmentEmpty;
import io.ispflow.messaging.staff.AttachmentNotFound;
import io.ispflow.messaging.staff.AttachmentTooLarge;
import io.ispflow.messaging.staff.AttachmentTypeRefused;
import io.ispflow.messaging.staff.MessageNotFound;
import io.ispflow.messaging.staff.MessageRefused;
import io.ispflow.messaging.staff.NotificationNotFound;
import io.ispflow.messaging.staff.RecipientNotFound;
import io.ispflow.platform.web.Problems;

/** Problem details for staff notifications, internal messages and their attachments. */
@RestControllerAdvice(basePackages = "io.ispflow")
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class StaffMessagingProblems {

    @ExceptionHandler(NotificationNotFound.class)
    ProblemDetail notificationNotFound(NotificationNotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, "notification-not-found", "Notification not found", e.getMessage());
    }

    @ExceptionHandler(MessageNotFound.class)
    ProblemDetail messageNotFound(MessageNotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, "message-not-found", "Message not found", e.getMessage());
    }

    @ExceptionHandler(RecipientNotFound.class)
    ProblemDetail recipientNotFound(RecipientNotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, "recipient-not-found", "Recipient not found", e.getMessage());
    }

    @ExceptionHandler(AttachmentNotFound.class)
    ProblemDetail attachmentNotFound(AttachmentNotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, "attachment-not-found", "Attachment not found", e.getMessage());
    }

    @ExceptionHandler(MessageRefused.class)
    ProblemDetail refused(MessageRefused e) {
        return Problems.of(HttpStatus.CONFLICT, "message-refused", "Not possible with this message", e.getMessage());
    }

    @ExceptionHandler(AttachmentEmpty.class)
    ProblemDetail empty(AttachmentEmpty e) {
        return Problems.invalid(e.getMessage(), List.of(new Problems.FieldError("body", "must not be empty")));
    }

    @ExceptionHandler(AttachmentTooLarge.class)
    ProblemDetail tooLarge(AttachmentTooLarge e) {
        ProblemDetail problem = Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "attachment-too-large", "Attachment too large",
                e.getMessage());
        problem.setProperty("maxBytes", e.maxBytes());
        return problem;
    }

    @ExceptionHandler(AttachmentTypeRefused.class)
    ProblemDetail typeRefused(AttachmentTypeRefused e) {
        ProblemDetail problem = Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "attachment-type-refused",
                "Attachment type not accepted", e.getMessage());
        problem.setProperty("detectedType", e.detectedType());
        return problem;
    }
}
