package io.ispflow.payments.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.ispflow.payments.bank.BankConfiguration;
import io.ispflow.payments.bank.BankSettings;

/** The company's bank collections account and notification signing secret; the secret goes in, never out. */
@RestController
@RequestMapping("/api/bank/settings")
class BankSettingsController {

    private final BankSettings settings;

    BankSettingsController(BankSettings settings) {
        this.settings = settings;
    }

    record SettingsRequest(
            @NotBlank @Size(max = 100) String bankName,
            @NotBlank @Pattern(regexp = "[0-9A-Za-z-]{5,40}", message = "must be a bank account number") String collectionAccount,
            @Size(min = 32, max = 200, message = "must be 32 to 200 characters") String signingSecret,
            boolean active) {
    }

    @GetMapping
    @PreAuthorize(MpesaSettingsController.ADMINS)
    BankConfiguration get() {
        return settings.current().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "Bank notifications are not configured for your company yet."));
    }

    @PutMapping
    @PreAuthorize(MpesaSettingsController.ADMINS)
    BankConfiguration put(@Valid @RequestBody SettingsRequest request) {
        if (request.signingSecret() == null && settings.current().isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "signingSecret is needed the first time bank notifications are set up.");
        }
        return settings.save(request.bankName(), request.collectionAccount(), request.signingSecret(),
                request.active());
    }
}
