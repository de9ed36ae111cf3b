package io.ispflow.billing.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
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

import io.ispflow.billing.Invoice;
import io.ispflow.billing.InvoiceNotFound;
import io.ispflow.billing.Invoicing;
import io.ispflow.billing.NewInvoice;
import io.ispflow.platform.StaffMember;

/** Invoices of the caller's company (seed: get-invoice-details, GET/POST /api/invoices). */
@RestController
@RequestMapping("/api/invoices")
class InvoiceController {

    private final Invoicing invoicing;

    InvoiceController(Invoicing invoicing) {
        this.invoicing = invoicing;
    }

    /** A manual invoice (installation fee, relocation, equipment sale …); {@code total} includes VAT. */
    record InvoiceRequest(@NotNull UUID clientId,
            @NotNull @DecimalMin(value = "0.01", message = "must be greater than 0")
            @Digits(integer = 12, fraction = 2, message = "must be shillings with at most 2 decimals") BigDecimal total,
            @NotBlank @Size(max = 500) String description,
            @NotNull @FutureOrPresent LocalDate dueDate) {
    }

    @GetMapping
    @PreAuthorize(BillingRoles.READERS)
    PagedModel<Invoice> list(@RequestParam(required = false) UUID clientId,
            @RequestParam(required = false) InvoiceStatus status, @PageableDefault(size = 20) Pageable page) {
        return new PagedModel<>(invoicing.search(clientId, status == null ? null : status.db(), page));
    }

    @GetMapping("/{id}")
    @PreAuthorize(BillingRoles.READERS)
    Invoice get(@PathVariable UUID id) {
        return invoicing.find(id).orElseThrow(() -> new InvoiceNotFound(id));
    }

    @PostMapping
    @PreAuthorize(BillingRoles.INVOICERS)
    ResponseEntity<Invoice> issue(@Valid @RequestBody InvoiceRequest request, @AuthenticationPrincipal StaffMember me) {
        Invoice issued = invoicing.issue(new NewInvoice(request.clientId(), request.total(), request.description(),
                null, null, request.dueDate()), me.userId());
        // read again once committed: the number is written at commit
        Invoice invoice = invoicing.find(issued.id()).orElseThrow();
        return ResponseEntity.created(URI.create("/api/invoices/" + invoice.id())).body(invoice);
    }

    /** Invoice statuses, for filtering. */
    enum InvoiceStatus {
        DRAFT, ISSUED, PARTIALLY_PAID, PAID, VOID;

        String db() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
