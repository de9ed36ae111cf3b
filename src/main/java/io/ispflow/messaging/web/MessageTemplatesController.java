package io.ispflow.messaging.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.ispflow.messaging.MessageTemplates;
import io.ispflow.messaging.MessageTemplates.MessageTemplate;
import io.ispflow.messaging.UnknownMessagePurpose;
import io.ispflow.platform.StaffMember;
import io.ispflow.shared.Language;

/** The company's wording of client messages, per purpose and language; checked when saved. */
@RestController
@RequestMapping("/api/messaging/templates")
class MessageTemplatesController {

    static final String READERS = "hasAnyRole('super_admin','isp_admin','customer_support','billing_finance')";

    private final MessageTemplates templates;

    MessageTemplatesController(MessageTemplates templates) {
        this.templates = templates;
    }

    record TemplateRequest(@NotBlank @Size(max = 1000) String body, @Size(max = 200) String subject) {
    }

    @GetMapping
    @PreAuthorize(READERS)
    List<MessageTemplate> list() {
        return templates.list();
    }

    @GetMapping("/{purpose}/{language}")
    @PreAuthorize(READERS)
    MessageTemplate get(@PathVariable String purpose, @PathVariable String language) {
        return templates.get(purpose, language(language));
    }

    @PutMapping("/{purpose}/{language}")
    @PreAuthorize(SmsGatewayController.ADMINS)
    MessageTemplate put(@PathVariable String purpose, @PathVariable String language,
            @Valid @RequestBody TemplateRequest request, @AuthenticationPrincipal StaffMember me) {
        String subject = request.subject() == null || request.subject().isBlank() ? null : request.subject().strip();
        return templates.save(purpose, language(language), request.body().strip(), subject, me.userId());
    }

    /** Back to the platform's wording. */
    @DeleteMapping("/{purpose}/{language}")
    @PreAuthorize(SmsGatewayController.ADMINS)
    MessageTemplate reset(@PathVariable String purpose, @PathVariable String language) {
        return templates.reset(purpose, language(language));
    }

    private static Language language(String code) {
        for (Language language : Language.values()) {
            if (language.code().equals(code)) {
                return language;
            }
        }
        throw new UnknownMessagePurpose(code);
    }
}
