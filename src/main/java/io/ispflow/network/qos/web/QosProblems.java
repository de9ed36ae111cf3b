package io.ispflow.network.qos.web;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.ispflow.network.qos.ClientNotFound;
import io.ispflow.network.qos.InvalidQosRequest;
import io.ispflow.network.qos.NoQosPolicyFound;
import io.ispflow.network.qos.QosPolicyInactive;
import io.ispflow.network.qos.QosPolicyNameTaken;
import io.ispflow.network.qos.QosPolicyNotFound;
import io.ispflow.network.qos.ServicePackageNotFound;
import io.ispflow.platform.web.Problems;
import io.ispflow.platform.web.Problems.FieldError;

/** Problem details for the QoS policies' business facts. */
@RestControllerAdvice(basePackages = "io.ispflow")
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class QosProblems {

    @ExceptionHandler(QosPolicyNotFound.class)
    ProblemDetail notFound(QosPolicyNotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, "qos-policy-not-found", "QoS policy not found", e.getMessage());
    }

    @ExceptionHandler(NoQosPolicyFound.class)
    ProblemDetail none(NoQosPolicyFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, "no-qos-policy", "No QoS policy", e.getMessage());
    }

    @ExceptionHandler(ServicePackageNotFound.class)
    ProblemDetail packageNotFound(ServicePackageNotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, "service-package-not-found", "Service package not found",
                e.getMessage());
    }

    @ExceptionHandler(ClientNotFound.class)
    ProblemDetail clientNotFound(ClientNotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, "client-not-found", "Client not found", e.getMessage());
    }

    @ExceptionHandler(QosPolicyNameTaken.class)
    ProblemDetail nameTaken(QosPolicyNameTaken e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "qos-policy-name-taken", "Name taken", e.getMessage());
        problem.setProperty("field", "name");
        return problem;
    }

    @ExceptionHandler(QosPolicyInactive.class)
    ProblemDetail inactive(QosPolicyInactive e) {
        return Problems.of(HttpStatus.CONFLICT, "qos-policy-inactive", "QoS policy inactive", e.getMessage());
    }

    @ExceptionHandler(InvalidQosRequest.class)
    ProblemDetail invalid(InvalidQosRequest e) {
        return Problems.invalid("The request has invalid fields.", List.of(new FieldError(e.field(), e.getMessage())));
    }
}
