package io.ispflow.messaging.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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

import io.ispflow.messaging.sms.SmsGatewayConfiguration;
import io.ispflow.messaging.sms.SmsGatewaySettings;
import io.ispflow.messaging.sms.UpdateSmsGateway;

/** The company's SMS gateway account (Africa's Talking); the API key goes in, never out. */
@RestController
@RequestMapping("/api/messaging/sms-gateway")
class SmsGatewayController {

    static final String ADMINS = "hasAnyRole('super_admin','isp_admin')";

    private final SmsGatewaySettings settings;

    SmsGatewayController(SmsGatewaySettings settings) {
        this.settings = settings;
    }

    record SettingsRequest(
            @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9_.-]+", message = "must be an Africa's Talking user name")
            String username,
            @Size(max = 200) String apiKey,
            @Pattern(regexp = "[A-Za-z0-9 ]{1,11}", message = "must be a sender id of at most 11 letters and digits")
            String senderId,
            @NotNull @Pattern(regexp = "sandbox|production", message = "must be sandbox or production") String environment,
            boolean active) {
    }

    @GetMapping
    @PreAuthorize(ADMINS)
    SmsGatewayConfiguration get() {
        return settings.current().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "No SMS gateway is configured for your company yet."));
    }

    @PutMapping
    @PreAuthorize(ADMINS)
    SmsGatewayConfiguration put(@Valid @RequestBody SettingsRequest request) {
        return settings.save(new UpdateSmsGateway(request.username(), request.apiKey(), request.senderId(),
                request.environment(), request.active()));
    }
}
