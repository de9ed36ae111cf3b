package io.ispflow.messaging;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ispflow.messaging.sms.SmsSegments;
import io.ispflow.platform.TenantContext;
import io.ispflow.shared.Language;

/**
 * The wording of client messages, per company: a company's own template for a purpose and language
 * ({@code message_templates}), or else the platform's. A template is checked when saved: it may name
 * only its purpose's placeholders. Each answer shows the template filled with sample values and what
 * the SMS costs in segments.
 */
@Service
public class MessageTemplates implements Wording {

    /** Values to show a template with: every placeholder of every purpose has one. */
    static final Map<String, Object> SAMPLES = Map.ofEntries(
            Map.entry("name", "Wanjiku"), Map.entry("accountNumber", "ACM-0042"), Map.entry("account", "ACM-0042"),
            Map.entry("invoiceNumber", "INV-000123"), Map.entry("invoiceTotal", new BigDecimal("2999.00")),
            Map.entry("total", new BigDecimal("2999.00")), Map.entry("amountDue", new BigDecimal("2999.00")),
            Map.entry("amount", new BigDecimal("500.00")), Map.entry("balance", new BigDecimal("1250.00")),
            Map.entry("paidBy", "M-PESA 254712345678"), Map.entry("receipt", "QK12AB34CD"),
            Map.entry("reason", "The M-PESA PIN was wrong."), Map.entry("periodStart", LocalDate.of(2026, 12, 1)),
            Map.entry("periodEnd", LocalDate.of(2026, 12, 31)), Map.entry("dueDate", LocalDate.of(2026, 12, 1)),
            Map.entry("holdStart", LocalDate.of(2026, 12, 20)), Map.entry("holdEnd", LocalDate.of(2027, 1, 3)),
            Map.entry("visitDate", LocalDate.of(2026, 12, 3)), Map.entry("visitTime", "10:00"),
            Map.entry("title", "SMS from Wanjiku Kamau (ACM-0042)"), Map.entry("message", "My router has a red light."));

    private final JdbcTemplate jdbc;
    private final Map<Language, ClientMessageTemplates> platform = new EnumMap<>(Language.class);

    MessageTemplates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        for (Language language : Language.values()) {
            platform.put(language, ClientMessageTemplates.load(language.locale()));
        }
    }

    /** A purpose's template in one language, as the company's clients read it. */
    public record MessageTemplate(String purpose, String language, List<String> placeholders, String body,
            String subject, boolean companyWording, String updatedBy, Instant updatedAt, Sample sample) {
    }

    /** The template filled with sample values, and what it costs as an SMS. */
    public record Sample(String text, String encoding, int segments) {
    }

    /** Every purpose in every language, the company's own wording read in one query. */
    @Transactional(readOnly = true)
    public List<MessageTemplate> list() {
        var companys = new java.util.HashMap<String, CompanyWording>();
        RowCallbackHandler keep = row -> companys.put(row.getString(1) + "/" + row.getString(2), wording(row, 3));
        jdbc.query("select purpose, language, body, subject, updated_by, updated_at from message_templates", keep);
        var all = new ArrayList<MessageTemplate>();
        for (MessagePurpose purpose : MessagePurpose.values()) {
            for (Language language : Language.values()) {
                all.add(view(purpose, language, companys.get(purpose.templateKey() + "/" + language.code())));
            }
        }
        return all;
    }

    @Transactional(readOnly = true)
    public MessageTemplate get(String purposeKey, Language language) {
        MessagePurpose purpose = purpose(purposeKey);
        return view(purpose, language, companys(purpose, language).orElse(null));
    }

    /**
     * The company's own wording of a purpose in a language.
     *
     * @throws TemplateRefused naming what is wrong, when the text or subject names a placeholder the
     *                         purpose does not have, or has a stray brace
     */
    @Transactional
    public MessageTemplate save(String purposeKey, Language language, String body, String subject, String by) {
        MessagePurpose purpose = purpose(purposeKey);
        var mistakes = new ArrayList<TemplateRefused.Mistake>();
        ClientMessageTemplates.mistakes(purpose, body).forEach(m -> mistakes.add(new TemplateRefused.Mistake("body", m)));
        if (subject != null) {
            ClientMessageTemplates.mistakes(purpose, subject)
                    .forEach(m -> mistakes.add(new TemplateRefused.Mistake("subject", m)));
        }
        if (!mistakes.isEmpty()) {
            throw new TemplateRefused(mistakes);
        }
        jdbc.update("""
                insert into message_templates (isp_company_id, purpose, language, body, subject, updated_by)
                values (?, ?, ?, ?, ?, ?)
                on conflict (isp_company_id, purpose, language) do update
                    set body = excluded.body, subject = excluded.subject, updated_by = excluded.updated_by,
                        updated_at = now()""",
                TenantContext.requireCompanyId(), purpose.templateKey(), language.code(), body, subject, by);
        return get(purposeKey, language);
    }

    /** Back to the platform's wording. */
    @Transactional
    public MessageTemplate reset(String purposeKey, Language language) {
        MessagePurpose purpose = purpose(purposeKey);
        jdbc.update("delete from message_templates where purpose = ? and language = ?", purpose.templateKey(),
                language.code());
        return view(purpose, language, null);
    }

    /** The text of a message, in the company's wording if it has its own. */
    @Override
    public String text(MessagePurpose purpose, Language language, Map<String, ?> values) {
        var templates = platform.get(language);
        String body = companys(purpose, language).map(CompanyWording::body).orElseGet(() -> templates.body(purpose));
        return templates.fill(purpose, body, values);
    }

    /** The e-mail subject of a message, in the company's wording if it has its own. */
    @Override
    public Optional<String> subject(MessagePurpose purpose, Language language, Map<String, ?> values) {
        var templates = platform.get(language);
        return companys(purpose, language).map(CompanyWording::subject)
                .or(() -> templates.subject(purpose))
                .map(subject -> templates.fill(purpose, subject, values));
    }

    private record CompanyWording(String body, String subject, String updatedBy, Instant updatedAt) {
    }

    private Optional<CompanyWording> companys(MessagePurpose purpose, Language language) {
        return jdbc.query("""
                select body, subject, updated_by, updated_at from message_templates
                where purpose = ? and language = ?""",
                (row, n) -> wording(row, 1), purpose.templateKey(), language.code()).stream().findFirst();
    }

    /** The company's wording from the row's columns body, subject, updated_by, updated_at, from {@code first} on. */
    private static CompanyWording wording(java.sql.ResultSet row, int first) throws java.sql.SQLException {
        return new CompanyWording(row.getString(first), row.getString(first + 1), row.getString(first + 2),
                row.getObject(first + 3, java.time.OffsetDateTime.class).toInstant());
    }

    private MessageTemplate view(MessagePurpose purpose, Language language, CompanyWording own) {
        var templates = platform.get(language);
        String body = own != null ? own.body() : templates.body(purpose);
        String subject = own != null ? own.subject() : templates.subject(purpose).orElse(null);
        var sampleValues = new java.util.HashMap<String, Object>();
        purpose.placeholders().forEach(name -> sampleValues.put(name, SAMPLES.get(name)));
        String text = templates.fill(purpose, body, sampleValues);
        SmsSegments segments = SmsSegments.of(text);
        return new MessageTemplate(purpose.templateKey(), language.code(), List.copyOf(new TreeSet<>(purpose.placeholders())),
                body, subject, own != null, own == null ? null : own.updatedBy(), own == null ? null : own.updatedAt(),
                new Sample(text, segments.encoding(), segments.segments()));
    }

    private static MessagePurpose purpose(String key) {
        return MessagePurpose.ofTemplateKey(key).orElseThrow(() -> new UnknownMessagePurpose(key));
    }
}
