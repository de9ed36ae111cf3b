package io.ispflow.payments.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.ispflow.payments.Payment;
import io.ispflow.payments.PaymentMethod;
import io.ispflow.payments.PaymentNotFound;
import io.ispflow.payments.Payments;
import io.ispflow.payments.Receipts;
import io.ispflow.payments.ReceivePayment;
import io.ispflow.payments.mpesa.MpesaCollections;
import io.ispflow.payments.mpesa.PendingStkPush;
import io.ispflow.platform.StaffMember;
import io.ispflow.shared.Msisdn;
import io.ispflow.shared.PhoneNumber;

/**
 * Payments of the caller's company (seed: get-payment-history, generate-receipt). Finance records
 * counter payments (cash, bank slips) here; M-PESA and bank notifications arrive through their own
 * intake.
 */
@RestController
@RequestMapping("/api/payments")
class PaymentController {

    static final String READERS = "hasAnyRole('super_admin','isp_admin','billing_finance','customer_support')";
    static final String RECORDERS = "hasAnyRole('super_admin','billing_finance')";
    static final String STK_REQUESTERS = "hasAnyRole('super_admin','isp_admin','billing_finance','customer_support')";

    private final Payments payments;
    private final Receipts receipts;
    private final MpesaCollections mpesa;

    PaymentController(Payments payments, Receipts receipts, MpesaCollections mpesa) {
        this.payments = payments;
        this.receipts = receipts;
        this.mpesa = mpesa;
    }

    /** A payment taken at the counter or from a bank slip. */
    record CounterPayment(@NotNull UUID clientId,
            @NotNull @DecimalMin(value = "0.01", message = "must be greater than 0")
            @Digits(integer = 12, fraction = 2, message = "must be shillings with at most 2 decimals") BigDecimal amount,
            @NotNull CounterMethod method,
            @Size(max = 100) String reference,
            @Size(max = 500) String notes) {
    }

    enum CounterMethod {
        CASH, BANK
    }

    @PostMapping
    @PreAuthorize(RECORDERS)
    ResponseEntity<Payment> record(@Valid @RequestBody CounterPayment request, @AuthenticationPrincipal StaffMember me) {
        Payment payment = payments.receive(new ReceivePayment(request.clientId(), request.amount(),
                PaymentMethod.valueOf(request.method().name()), blankToNull(request.reference()), null, null, null,
                request.notes()), me.userId());
        // read again once committed: the receipt's number is written at commit
        Payment recorded = payments.find(payment.id()).orElseThrow();
        return ResponseEntity.created(URI.create("/api/payments/" + recorded.id())).body(recorded);
    }

    /** Ask the client's phone to pay (seed: mpesa-stk-push). */
    record StkPushRequest(@NotNull UUID clientId,
            @NotNull @DecimalMin(value = "1", message = "must be at least 1 shilling")
            @Digits(integer = 6, fraction = 0, message = "must be whole shillings") BigDecimal amount,
            @PhoneNumber String phone) {
    }

    @PostMapping("/mpesa-stk")
    @PreAuthorize(STK_REQUESTERS)
    ResponseEntity<PendingStkPush> stkPush(@Valid @RequestBody StkPushRequest request,
            @AuthenticationPrincipal StaffMember me) {
        var requested = mpesa.stkPush(request.clientId(), request.amount(),
                request.phone() == null || request.phone().isBlank() ? null : Msisdn.parse(request.phone()), me.userId());
        return ResponseEntity.accepted().body(requested);
    }

    @GetMapping("/history")
    @PreAuthorize(READERS)
    PagedModel<Payment> history(@RequestParam(required = false) UUID clientId,
            @PageableDefault(size = 20) Pageable page) {
        return new PagedModel<>(payments.history(clientId, page));
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    Payment get(@PathVariable UUID id) {
        return payments.find(id).orElseThrow(() -> new PaymentNotFound(id));
    }

    @GetMapping(value = "/{id}/receipt", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize(READERS)
    ResponseEntity<byte[]> receipt(@PathVariable UUID id) {
        Payment payment = payments.find(id).orElseThrow(() -> new PaymentNotFound(id));
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PDF);
        headers.setContentDisposition(ContentDisposition.inline()
                .filename("receipt-" + payment.receiptNumber() + ".pdf").build());
        return new ResponseEntity<>(receipts.pdf(payment), headers, HttpStatus.OK);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
