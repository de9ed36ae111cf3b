package io.ispflow.network.web;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.ispflow.network.devices.ClientPortNotFound;
import io.ispflow.network.devices.DeviceChangeRefused;
import io.ispflow.network.devices.DeviceDuplicate;
import io.ispflow.network.devices.DeviceNotFound;
import io.ispflow.network.devices.InvalidDeviceAccess;
import io.ispflow.network.devices.PortTaken;
import io.ispflow.platform.web.Problems;
import io.ispflow.platform.web.Problems.FieldError;

/** Problem details for managed devices and client ports. */
@RestControllerAdvice(basePackages = "io.ispflow")
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DeviceProblems {

    @ExceptionHandler(DeviceNotFound.class)
    ProblemDetail notFound(DeviceNotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, "device-not-found", "Device not found", e.getMessage());
    }

    @ExceptionHandler(DeviceDuplicate.class)
    ProblemDetail duplicate(DeviceDuplicate e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "device-duplicate", "Device already on record",
                e.getMessage());
        problem.setProperty("field", e.field());
        problem.setProperty("existingDeviceId", e.existingDeviceId());
        return problem;
    }

    @ExceptionHandler(DeviceChangeRefused.class)
    ProblemDetail changeRefused(DeviceChangeRefused e) {
        return Problems.of(HttpStatus.CONFLICT, "device-change-refused", "Device change refused", e.getMessage());
    }

    @ExceptionHandler(InvalidDeviceAccess.class)
    ProblemDetail invalidAccess(InvalidDeviceAccess e) {
        return Problems.invalid("The request has invalid fields.", List.of(new FieldError(e.field(), e.getMessage())));
    }

    @ExceptionHandler(PortTaken.class)
    ProblemDetail portTaken(PortTaken e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "port-taken", "Port serves another client",
                e.getMessage());
        problem.setProperty("clientId", e.clientId());
        return problem;
    }

    @ExceptionHandler(ClientPortNotFound.class)
    ProblemDetail portNotFound(ClientPortNotFound e) {
        return e.noClient() ? Problems.of(HttpStatus.NOT_FOUND, "client-not-found", "Client not found", e.getMessage())
                : Problems.of(HttpStatus.NOT_FOUND, "client-port-not-found", "No access port", e.getMessage());
    }
}
