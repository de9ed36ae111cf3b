package io.ispflow.billing.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.ispflow.billing.InsufficientWalletBalance;
import io.ispflow.billing.InvoiceNotFound;
import io.ispflow.billing.ServicePackageNotOffered;
import io.ispflow.billing.SubscriptionChangeRefused;
import io.ispflow.billing.SubscriptionNotFound;
import io.ispflow.billing.UnknownClient;
import io.ispflow.platform.web.Problems;

/** Problem details for billing's business facts, wherever in the API they surface. */
@RestControllerAdvice(basePackages = "io.ispflow")
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BillingProblems {

    @ExceptionHandler(InvoiceNotFound.class)
    ProblemDetail invoiceNotFound(InvoiceNotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, "invoice-not-found", "Invoice not found", e.getMessage());
    }

    @ExceptionHandler(SubscriptionNotFound.class)
    ProblemDetail subscriptionNotFound(SubscriptionNotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, "subscription-not-found", "Subscription not found", e.getMessage());
    }

    @ExceptionHandler(UnknownClient.class)
    ProblemDetail unknownClient(UnknownClient e) {
        return Problems.of(HttpStatus.NOT_FOUND, "client-not-found", "Client not found", e.getMessage());
    }

    @ExceptionHandler(ServicePackageNotOffered.class)
    ProblemDetail packageNotOffered(ServicePackageNotOffered e) {
        return Problems.of(HttpStatus.NOT_FOUND, "service-package-not-found", "Service package not offered",
                e.getMessage());
    }

    @ExceptionHandler(SubscriptionChangeRefused.class)
    ProblemDetail changeRefused(SubscriptionChangeRefused e) {
        return Problems.of(HttpStatus.CONFLICT, "subscription-change-refused", "Change refused", e.getMessage());
    }

    @ExceptionHandler(InsufficientWalletBalance.class)
    ProblemDetail insufficient(InsufficientWalletBalance e) {
        return Problems.of(HttpStatus.CONFLICT, "insufficient-wallet-balance", "Not enough in the wallet",
                e.getMessage());
    }
}
