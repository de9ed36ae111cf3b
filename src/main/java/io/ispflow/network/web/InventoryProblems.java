package io.ispflow.network.web;

import java.util.List;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.ispflow.network.DeliveryRefused;
import io.ispflow.network.InvalidInventoryChange;
import io.ispflow.network.InventoryItemDuplicate;
import io.ispflow.network.InventoryItemNotFound;
import io.ispflow.network.InventoryStatusChangeRefused;
import io.ispflow.platform.web.Problems;
import io.ispflow.platform.web.Problems.FieldError;

/** Problem details for the inventory's business facts. */
@RestControllerAdvice(basePackages = "io.ispflow")
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class InventoryProblems {

    @ExceptionHandler(InventoryItemNotFound.class)
    ProblemDetail notFound(InventoryItemNotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, "inventory-item-not-found", "Inventory item not found", e.getMessage());
    }

    @ExceptionHandler(InventoryItemDuplicate.class)
    ProblemDetail duplicate(InventoryItemDuplicate e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "inventory-item-duplicate", "Already in the inventory",
                e.getMessage());
        problem.setProperty("field", e.field());
        problem.setProperty("existingItemId", e.existingItemId());
        return problem;
    }

    @ExceptionHandler(InventoryStatusChangeRefused.class)
    ProblemDetail statusChangeRefused(InventoryStatusChangeRefused e) {
        return Problems.of(HttpStatus.CONFLICT, "inventory-status-change-refused", "Status change refused",
                e.getMessage());
    }

    @ExceptionHandler(InvalidInventoryChange.class)
    ProblemDetail invalid(InvalidInventoryChange e) {
        return Problems.invalid("The request has invalid fields.", List.of(new FieldError(e.field(), e.getMessage())));
    }

    @ExceptionHandler(DeliveryRefused.class)
    ProblemDetail deliveryRefused(DeliveryRefused e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "delivery-refused", "Delivery refused",
                e.getMessage());
        problem.setProperty("errors", e.errors());
        return problem;
    }

    @ExceptionHandler(DeliveryTooLarge.class)
    ProblemDetail tooLarge(DeliveryTooLarge e) {
        return Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "delivery-too-large", "Delivery too large", e.getMessage());
    }

    @ExceptionHandler(DeliveryUnreadable.class)
    ProblemDetail unreadable(DeliveryUnreadable e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "delivery-unreadable", "Delivery unreadable", e.getMessage());
    }
}
