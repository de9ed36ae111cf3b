package io.ispflow.messaging.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

import io.ispflow.messaging.email.EmailAddress;
import io.ispflow.messaging.email.EmailGatewayConfiguration;
import io.ispflow.messaging.email.EmailGatewaySettings;
import io.ispflow.messaging.email.SmtpSecurity;
import io.ispflow.messaging.email.UpdateEmailGateway;

/** The company's mail account for client e-mail (its SMTP server); the password goes in, never out. */
@RestController
@RequestMapping("/api/messaging/email-gateway")
class EmailGatewayController {

    /** Host names (labels of letters, digits and inner hyphens) and IPv4 addresses. */
    static final String HOST = "(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*";

    private final EmailGatewaySettings settings;

    EmailGatewayController(EmailGatewaySettings settings) {
        this.settings = settings;
    }

    record SettingsRequest(
            @NotBlank @Pattern(regexp = HOST, message = "must be a host name such as smtp.example.co.ke, or an IPv4 address")
            String host,
            @NotNull @Min(1) @Max(65535) Integer port,
            @NotNull @Pattern(regexp = "starttls|ssl|none", message = "must be starttls, ssl or none") String security,
            @Size(max = 200) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
            String username,
            @Size(max = 200) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
            String password,
            @NotBlank @EmailAddress String fromAddress,
            @NotBlank @Size(max = 100) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
            String fromName,
            @EmailAddress String replyTo,
            boolean active) {

        /** Mail in the clear only to a server on this machine (tests, the demo's sink). */
        @AssertTrue(message = "security none is only for an SMTP server on this machine (localhost, 127.0.0.1); use starttls or ssl")
        boolean isPlainOnlyOnLoopback() {
            return !"none".equals(security) || host == null || SmtpSecurity.loopback(host);
        }
    }

    @GetMapping
    @PreAuthorize(SmsGatewayController.ADMINS)
    EmailGatewayConfiguration get() {
        return settings.current().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "No e-mail account is configured for your company yet."));
    }

    @PutMapping
    @PreAuthorize(SmsGatewayController.ADMINS)
    EmailGatewayConfiguration put(@Valid @RequestBody SettingsRequest request) {
        return settings.save(new UpdateEmailGateway(request.host(), request.port(), SmtpSecurity.of(request.security()),
                request.username(), request.password(), request.fromAddress(), request.fromName(), request.replyTo(),
                request.active()));
    }
}
