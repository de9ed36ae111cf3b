package io.ispflow.payments.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.ispflow.payments.mpesa.MpesaCollections;
import io.ispflow.payments.mpesa.MpesaConfiguration;
import io.ispflow.payments.mpesa.MpesaSettings;
import io.ispflow.payments.mpesa.PaybillRegistration;
import io.ispflow.payments.mpesa.UpdateMpesaSettings;

/** The company's M-PESA paybill and Daraja credentials; secrets go in, never out. */
@RestController
@RequestMapping("/api/mpesa/settings")
class MpesaSettingsController {

    static final String ADMINS = "hasAnyRole('super_admin','isp_admin')";

    private final MpesaSettings settings;
    private final MpesaCollections collections;

    MpesaSettingsController(MpesaSettings settings, MpesaCollections collections) {
        this.settings = settings;
        this.collections = collections;
    }

    record SettingsRequest(
            @NotBlank @Pattern(regexp = "\\d{5,7}", message = "must be a 5 to 7 digit paybill number") String paybillNumber,
            @Pattern(regexp = "\\d{5,7}", message = "must be a 5 to 7 digit shortcode") String shortcode,
            @Size(max = 200) String consumerKey,
            @Size(max = 200) String consumerSecret,
            @Size(max = 200) String passkey,
            @NotNull @Pattern(regexp = "sandbox|production", message = "must be sandbox or production") String environment,
            boolean active) {
    }

    @GetMapping
    @PreAuthorize(ADMINS)
    MpesaConfiguration get() {
        return settings.current().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "M-PESA is not configured for your company yet."));
    }

    @PutMapping
    @PreAuthorize(ADMINS)
    MpesaConfiguration put(@Valid @RequestBody SettingsRequest request) {
        return settings.save(new UpdateMpesaSettings(request.paybillNumber(), request.shortcode(),
                request.consumerKey(), request.consumerSecret(), request.passkey(), request.environment(),
                request.active()));
    }

    /** Registers the paybill's C2B URLs with Daraja (once per shortcode in production). */
    @PostMapping("/paybill-registration")
    @PreAuthorize(ADMINS)
    PaybillRegistration registerPaybill() {
        return collections.registerPaybillUrls();
    }
}
