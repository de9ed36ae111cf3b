package io.ispflow.messaging;

import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;

import io.ispflow.shared.Language;
import io.ispflow.shared.Msisdn;

/**
 * Writes to clients in the words of {@code messaging/client-messages.properties}: callers name the
 * purpose and give its values, never the wording. Amounts ({@code BigDecimal}) are written plain, days
 * ({@code LocalDate}) as {@code 1 Nov 2026}. Messages are in English; each language is a templates
 * file of its own, read and checked at start-up like this one.
 */
@Service
public class ClientMessages {

    private final Notifier notifier;
    private final Map<Language, ClientMessageTemplates> wording = new EnumMap<>(Language.class);

    ClientMessages(Notifier notifier) {
        this.notifier = notifier;
        for (Language language : Language.values()) {
            wording.put(language, ClientMessageTemplates.load(language.locale()));
        }
    }

    /**
     * Queues an SMS of the given purpose, in the client's language.
     *
     * @param clientId the client written to, {@code null} for a payer who is no client
     * @param language the client's language; English when null (a payer who is no client)
     * @param values   the purpose's placeholders and their values
     * @return the text sent
     */
    public String text(UUID clientId, Msisdn to, Language language, MessagePurpose purpose, Map<String, ?> values) {
        String text = in(language).text(purpose, values);
        notifier.textClient(clientId, to.e164(), purpose, text);
        return text;
    }

    /** Queues an e-mail of the given purpose, in the client's language; the purpose must have a subject template. */
    public void email(UUID clientId, String address, Language language, MessagePurpose purpose, Map<String, ?> values) {
        ClientMessageTemplates templates = in(language);
        String subject = templates.subject(purpose, values)
                .orElseThrow(() -> new IllegalArgumentException(purpose + " has no e-mail subject"));
        notifier.emailClient(clientId, address, purpose.code(), subject, templates.text(purpose, values));
    }

    private ClientMessageTemplates in(Language language) {
        return wording.get(language == null ? Language.EN : language);
    }
}
