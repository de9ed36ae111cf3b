package io.ispflow.messaging;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ispflow.shared.Language;
import io.ispflow.shared.Msisdn;

/**
 * Writes to clients in their company's wording ({@link MessageTemplates}): callers name the purpose and
 * give its values, never the wording. Amounts ({@code BigDecimal}) are written plain, days
 * ({@code LocalDate}) as {@code 1 Nov 2026}, in the client's language (English or Swahili).
 */
@Service
public class ClientMessages {

    private final Notifier notifier;
    private final Wording templates;
    private final RecipientHistory optOuts;

    ClientMessages(Notifier notifier, Wording templates, RecipientHistory optOuts) {
        this.notifier = notifier;
        this.templates = templates;
        this.optOuts = optOuts;
    }

    /**
     * Queues an SMS of the given purpose, in the client's language and his company's wording. An
     * optional message (a reminder) to a number that texted "STOP" is not sent, only logged.
     *
     * @param clientId the client written to, {@code null} for a payer who is no client
     * @param language the client's language; English when null (a payer who is no client)
     * @param values   the purpose's placeholders and their values
     * @return the text
     */
    public String text(UUID clientId, Msisdn to, Language language, MessagePurpose purpose, Map<String, ?> values) {
        String text = templates.text(purpose, orEnglish(language), values);
        if (purpose.optional() && optOuts.optedOut("sms", to.e164())) {
            optOuts.withheld(purpose, "sms", to.e164());
        } else {
            notifier.textClient(clientId, to.e164(), purpose, text);
        }
        return text;
    }

    /**
     * Queues an SMS like {@link #text}, unless one of the same purpose went to the number within the
     * window: for answers that must not become a conversation with a stranger.
     *
     * @return whether it was queued
     */
    @Transactional
    public boolean textUnlessSentWithin(Duration window, UUID clientId, Msisdn to, Language language,
            MessagePurpose purpose, Map<String, ?> values) {
        if (optOuts.sentWithin(purpose, "sms", to.e164(), window)) {
            return false;
        }
        text(clientId, to, language, purpose, values);
        return true;
    }

    /** Queues an e-mail of the given purpose, in the client's language; the purpose must have a subject template. */
    public void email(UUID clientId, String address, Language language, MessagePurpose purpose, Map<String, ?> values) {
        String subject = templates.subject(purpose, orEnglish(language), values)
                .orElseThrow(() -> new IllegalArgumentException(purpose + " has no e-mail subject"));
        if (purpose.optional() && optOuts.optedOut("email", address)) {
            optOuts.withheld(purpose, "email", address);
            return;
        }
        notifier.emailClient(clientId, address, purpose.code(), subject, templates.text(purpose, orEnglish(language), values));
    }

    private static Language orEnglish(Language language) {
        return language == null ? Language.EN : language;
    }
}
