package io.ispflow.payments.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.ispflow.payments.DuplicatePayment;
import io.ispflow.payments.PaymentNotFound;
import io.ispflow.payments.mpesa.DarajaRejected;
import io.ispflow.payments.mpesa.MpesaNotConfigured;
import io.ispflow.platform.web.Problems;

/** Problem details for the payment module's business facts, wherever in the API they surface. */
@RestControllerAdvice(basePackages = "io.ispflow")
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class PaymentProblems {

    @ExceptionHandler(PaymentNotFound.class)
    ProblemDetail notFound(PaymentNotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, "payment-not-found", "Payment not found", e.getMessage());
    }

    @ExceptionHandler(MpesaNotConfigured.class)
    ProblemDetail notConfigured(MpesaNotConfigured e) {
        return Problems.of(HttpStatus.CONFLICT, "mpesa-not-configured", "M-PESA not configured", e.getMessage());
    }

    @ExceptionHandler(DarajaRejected.class)
    ProblemDetail rejected(DarajaRejected e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_GATEWAY, "mpesa-rejected", "M-PESA refused the request",
                e.getMessage());
        problem.setProperty("darajaErrorCode", e.errorCode());
        return problem;
    }

    @ExceptionHandler(DuplicatePayment.class)
    ProblemDetail duplicate(DuplicatePayment e) {
        return Problems.of(HttpStatus.CONFLICT, "duplicate-payment", "Already credited", e.getMessage());
    }

}
