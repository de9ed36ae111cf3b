package io.ispflow.messaging;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;

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
    private final ClientMessageTemplates english;

    ClientMessages(Notifier notifier) {
        this.notifier = notifier;
        this.english = ClientMessageTemplates.load(Locale.ENGLISH);
    }

    /**
     * Queues an SMS of the given purpose.
     *
     * @param clientId the client written to, {@code null} for a payer who is no client
     * @param values   the purpose's placeholders and their values
     * @return the text sent
     */
    public String text(UUID clientId, Msisdn to, MessagePurpose purpose, Map<String, ?> values) {
        String text = english.text(purpose, values);
        notifier.textClient(clientId, to.e164(), purpose.code(), text);
        return text;
    }

    /** Queues an e-mail of the given purpose; the purpose must have a subject template. */
    public void email(UUID clientId, String address, MessagePurpose purpose, Map<String, ?> values) {
        String subject = english.subject(purpose, values)
                .orElseThrow(() -> new IllegalArgumentException(purpose + " has no e-mail subject"));
        notifier.emailClient(clientId, address, purpose.code(), subject, english.text(purpose, values));
    }
}
