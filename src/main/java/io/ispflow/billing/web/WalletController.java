package io.ispflow.billing.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.ispflow.billing.LedgerEntry;
import io.ispflow.billing.WalletCredits;
import io.ispflow.billing.WalletLedger;
import io.ispflow.platform.StaffMember;

/** Client wallets (seed: wallet-credit). */
@RestController
@RequestMapping("/api/wallet")
class WalletController {

    private final WalletLedger ledger;
    private final WalletCredits credits;

    WalletController(WalletLedger ledger, WalletCredits credits) {
        this.ledger = ledger;
        this.credits = credits;
    }

    /** A credit by finance staff (goodwill, outage compensation, correction), with the reason on record. */
    record CreditRequest(@NotNull UUID clientId,
            @NotNull @DecimalMin(value = "0.01", message = "must be greater than 0")
            @Digits(integer = 12, fraction = 2, message = "must be shillings with at most 2 decimals") BigDecimal amount,
            @NotBlank @Size(max = 500) String reason) {
    }

    record Wallet(UUID clientId, BigDecimal balance, List<LedgerEntry> entries) {
    }

    @PostMapping("/credit")
    @PreAuthorize(BillingRoles.WALLET_CREDITORS)
    Wallet credit(@Valid @RequestBody CreditRequest request, @AuthenticationPrincipal StaffMember me) {
        credits.credit(request.clientId(), request.amount(), request.reason(), me.userId());
        return wallet(request.clientId());
    }

    @GetMapping("/{clientId}")
    @PreAuthorize(BillingRoles.READERS)
    Wallet wallet(@PathVariable UUID clientId) {
        credits.requireClient(clientId);
        return new Wallet(clientId, ledger.balance(clientId), ledger.entries(clientId));
    }
}
