package io.ispflow.messaging.web;

import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.ispflow.messaging.InvalidRecipient;
import io.ispflow.messaging.MessageOptOuts;
import io.ispflow.messaging.MessageOptOuts.OptOut;
import io.ispflow.platform.StaffMember;
import io.ispflow.shared.Msisdn;

/**
 * Recipients who want no reminders on a channel: those who texted "STOP", and those staff record on a
 * client's word. Receipts and service notices still reach them.
 */
@RestController
@RequestMapping("/api/messaging/opt-outs")
class OptOutsController {

    static final String STAFF = "hasAnyRole('super_admin','isp_admin','customer_support','billing_finance')";
    static final String CHANNEL = "sms|email";

    private final MessageOptOuts optOuts;

    OptOutsController(MessageOptOuts optOuts) {
        this.optOuts = optOuts;
    }

    record OptOutRequest(@NotNull @Pattern(regexp = CHANNEL, message = "must be sms or email") String channel,
            @NotBlank @Size(max = 255) String recipient) {
    }

    /** Every opt-out, or those of one phone number or address. */
    @GetMapping
    @PreAuthorize(STAFF)
    List<OptOut> list(@RequestParam(required = false) @Size(max = 255) String recipient) {
        return optOuts.list(recipient == null || recipient.isBlank() ? null : anyRecipient(recipient));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('super_admin','isp_admin','customer_support')")
    List<OptOut> optOut(@Valid @RequestBody OptOutRequest request, @AuthenticationPrincipal StaffMember me) {
        String recipient = recipient(request.channel(), request.recipient());
        optOuts.optOut(request.channel(), recipient, "staff", me.userId());
        return optOuts.list(recipient);
    }

    /** Reminders on the channel again. */
    @DeleteMapping("/{channel}")
    @PreAuthorize("hasAnyRole('super_admin','isp_admin','customer_support')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void optIn(@PathVariable @Pattern(regexp = CHANNEL, message = "must be sms or email") String channel,
            @RequestParam @Size(max = 255) String recipient) {
        optOuts.optIn(channel, recipient(channel, recipient));
    }

    /** A phone number in E.164 or an e-mail address in lower case, as messages are queued to them. */
    static String recipient(String channel, String raw) {
        if ("sms".equals(channel)) {
            return Msisdn.tryParse(raw).map(Msisdn::e164).orElseThrow(() -> new InvalidRecipient("recipient",
                    "must be a phone number"));
        }
        String address = raw.strip().toLowerCase(Locale.ROOT);
        if (!address.matches("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+")) {
            throw new InvalidRecipient("recipient", "must be an e-mail address");
        }
        return address;
    }

    private static String anyRecipient(String raw) {
        return raw.contains("@") ? recipient("email", raw) : recipient("sms", raw);
    }
}
