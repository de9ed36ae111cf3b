package io.ispflow.messaging.sms;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.ispflow.messaging.ClientTexted;
import io.ispflow.messaging.SmsCommand;
import io.ispflow.platform.callbacks.IntakeRefusals;
import io.ispflow.platform.callbacks.ProviderFields;
import io.ispflow.shared.Msisdn;

/**
 * Texts sent to the company's number or shortcode, posted by Africa's Talking as forms to the company's
 * unguessable path. Each is stored once ({@code inbound_messages}, by the gateway's id: a repeated post
 * changes nothing) and published as {@link ClientTexted} in the same transaction, so that its answer
 * is given exactly once, after the commit. A post without sender, id or text, or from no phone number,
 * is refused and recorded as a security event.
 */
@Component
class IncomingMessages {

    private final SmsGatewaySettings settings;
    private final IntakeRefusals refusals;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    IncomingMessages(SmsGatewaySettings settings, IntakeRefusals refusals, JdbcTemplate jdbc,
            ApplicationEventPublisher events) {
        this.settings = settings;
        this.refusals = refusals;
        this.jdbc = jdbc;
        this.events = events;
    }

    void accept(String token, byte[] body, String source) {
        UUID company = settings.companyOfCallbackToken(token).orElseThrow(() -> refusals.refuse(404, null,
                "sms_incoming_unknown_path", "incoming message to an unknown path", source));
        refusals.inTransactionOf(company, () -> {
            Map<String, String> form = refusals.readForm(company, "sms_incoming", body, source);
            String id = form.get("id");
            String text = form.get("text");
            Optional<Msisdn> from = Msisdn.tryParse(form.get("from"));
            if (id == null || id.isBlank() || !ProviderFields.fits(id, 100) || text == null
                    || !ProviderFields.fits(text, 1600) || from.isEmpty()) {
                throw refusals.refuse(400, company, "sms_incoming_malformed",
                        "incoming message without id, text or a sender's number", source);
            }
            SmsCommand.Read command = SmsCommand.read(text);
            Instant sentAt = instant(form.get("date"));
            UUID messageId = jdbc.query("""
                    insert into inbound_messages (gateway_message_id, from_number, to_number, text, link_id,
                                                  network_code, sent_at, command, isp_company_id)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (isp_company_id, gateway_message_id) do nothing
                    returning id""",
                    (row, n) -> row.getObject(1, UUID.class), id.strip(), from.get().e164(),
                    ProviderFields.truncate(form.get("to"), 20), text, ProviderFields.truncate(form.get("linkId"), 100),
                    ProviderFields.truncate(form.get("networkCode"), 10),
                    sentAt == null ? null : java.sql.Timestamp.from(sentAt),
                    command.command().name().toLowerCase(java.util.Locale.ROOT), company)
                    .stream().findFirst().orElse(null);
            if (messageId != null) {
                events.publishEvent(new ClientTexted(company, messageId, from.get(), text, command.command(),
                        command.amount(), sentAt == null ? Instant.now() : sentAt));
            }
            return null;
        });
    }

    /** The provider's time of the text, read leniently: ISO with or without zone, else unknown. */
    private static Instant instant(String date) {
        if (date == null || date.isBlank() || date.length() > 40) {
            return null;
        }
        try {
            return OffsetDateTime.parse(date.strip()).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            try {
                return java.time.LocalDateTime.parse(date.strip().replace(' ', 'T')).atZone(java.time.ZoneOffset.UTC)
                        .toInstant();
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }
}
