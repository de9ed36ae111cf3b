package io.ispflow.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.ispflow.shared.Language;
import io.ispflow.shared.Msisdn;

/** Client messages read their wording from the templates, and bad templates stop the start-up. */
class ClientMessagesTests {

    final List<String> queued = new ArrayList<>();
    final List<String> optedOut = new ArrayList<>();
    final List<String> withheld = new ArrayList<>();
    final ClientMessages messages = new ClientMessages(new RecordingNotifier(), new PlatformWording(), new OptOuts());

    @Test
    void aWelcomeIsTextedAndMailedInTheWordsClientsKnow() {
        var values = Map.of("name", "Wanjiru", "accountNumber", "ACM-0001", "invoiceNumber", "INV-7",
                "invoiceTotal", "2999.00");
        String text = messages.text(UUID.randomUUID(), Msisdn.parse("0712345678"), Language.EN, MessagePurpose.WELCOME, values);
        messages.email(null, "wanjiru@example.co.ke", null, MessagePurpose.WELCOME, values);

        assertThat(text).isEqualTo("Karibu Wanjiru! Your internet service is now active. Account number: ACM-0001."
                + " First invoice INV-7: KES 2999.00. Pay by M-PESA with your account number as the reference.");
        assertThat(queued).containsExactly("sms +254712345678 welcome " + text,
                "email wanjiru@example.co.ke welcome Welcome to your new internet service / " + text);
    }

    @Test
    void invoicesNameThePeriodAndWhatIsDue() {
        var period = Map.of("name", "Otieno", "invoiceNumber", "INV-8",
                "periodStart", LocalDate.of(2026, 11, 1), "periodEnd", LocalDate.of(2026, 11, 30));
        var due = new HashMap<String, Object>(period);
        due.putAll(Map.of("amountDue", new BigDecimal("2999.00"), "dueDate", LocalDate.of(2026, 11, 29),
                "accountNumber", "ACM-0002"));
        var paid = new HashMap<String, Object>(period);
        paid.put("total", new BigDecimal("1500.50"));

        assertThat(sms(MessagePurpose.INVOICE_DUE, due)).isEqualTo("Hello Otieno, invoice INV-8 for your internet"
                + " 1 Nov 2026 to 30 Nov 2026: KES 2999.00 due by 29 Nov 2026."
                + " Pay by M-PESA with account number ACM-0002.");
        assertThat(sms(MessagePurpose.INVOICE_PAID_FROM_WALLET, paid)).isEqualTo("Hello Otieno, your internet for"
                + " 1 Nov 2026 to 30 Nov 2026 is paid from your wallet (invoice INV-8, KES 1500.50). Thank you!");
        assertThat(queued).allMatch(message -> message.contains(" invoice_issued "));
    }

    @Test
    void paymentsKeepTheirReceiptAndFailureWording() {
        assertThat(sms(MessagePurpose.PAYMENT_RECEIVED, Map.of("name", "Akinyi", "amount", new BigDecimal("500.00"),
                "paidBy", "M-PESA 254712345678", "receipt", "QK12AB34CD", "account", "ACM-0003")))
                .isEqualTo("Asante Akinyi! We received KES 500.00 (M-PESA 254712345678), receipt QK12AB34CD."
                        + " Account ACM-0003.");
        assertThat(sms(MessagePurpose.PAYMENT_FAILED, Map.of("reason", "the M-PESA PIN was wrong.")))
                .isEqualTo("Your M-PESA payment did not go through: the M-PESA PIN was wrong. Nothing was charged."
                        + " Please try again.");
        assertThat(queued.get(0)).contains(" payment_receipt ");
        assertThat(queued.get(1)).contains(" payment_failed ");
    }

    @Test
    void aClientWhoReadsSwahiliGetsHisMessagesInSwahiliWithSwahiliDates() {
        String text = messages.text(UUID.randomUUID(), Msisdn.parse("0712345678"), Language.SW,
                MessagePurpose.SERVICE_SUSPENDED, Map.of("name", "Baraka", "amountDue", new BigDecimal("2999.00"),
                        "accountNumber", "ACM-0009"));
        String reminder = messages.text(UUID.randomUUID(), Msisdn.parse("0712345678"), Language.SW,
                MessagePurpose.PAYMENT_REMINDER, Map.of("name", "Baraka", "amountDue", new BigDecimal("2999.00"),
                        "dueDate", LocalDate.of(2026, 12, 7), "accountNumber", "ACM-0009"));

        assertThat(text).isEqualTo("Habari Baraka, intaneti yako imesimamishwa: KES 2999.00 haijalipwa. Lipa kwa"
                + " M-PESA ukitumia nambari ya akaunti ACM-0009 na itarudi ndani ya dakika chache.");
        assertThat(reminder).contains("kufikia 7 Des 2026");
        assertThat(queued).hasSize(2).allMatch(message -> message.startsWith("sms +254712345678 "));
    }

    @Test
    void everyLanguageHasEveryPurposeWithOnlyItsPlaceholders() {
        for (Language language : Language.values()) {
            assertThatCode(() -> ClientMessageTemplates.load(language.locale())).as(language.code())
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void aTemplateNamingAnUndeclaredPlaceholderFailsWhenRead() {
        var templates = englishTemplates();
        templates.setProperty("payment_failed", "Sorry {name}, your payment failed: {reason}");

        assertThatThrownBy(() -> new ClientMessageTemplates(Locale.ENGLISH, templates))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("payment_failed").hasMessageContaining("{name}");
    }

    @Test
    void aSubjectIsCheckedLikeItsText() {
        var templates = englishTemplates();
        templates.setProperty("welcome.subject", "Welcome, {firstName}");

        assertThatThrownBy(() -> new ClientMessageTemplates(Locale.ENGLISH, templates))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("{firstName}");
    }

    @Test
    void everyPurposeNeedsATemplateAndEveryTemplateAPurpose() {
        var missing = englishTemplates();
        missing.remove("payment_received");
        var stray = englishTemplates();
        stray.setProperty("loyalty_bonus", "Thank you for staying with us.");

        assertThatThrownBy(() -> new ClientMessageTemplates(Locale.ENGLISH, missing))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("payment_received");
        assertThatThrownBy(() -> new ClientMessageTemplates(Locale.ENGLISH, stray))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("loyalty_bonus");
    }

    @Test
    void aMissingOrUnknownValueIsRefusedAndNothingIsQueued() {
        var to = Msisdn.parse("0712345678");

        assertThatThrownBy(() -> messages.text(null, to, null, MessagePurpose.PAYMENT_FAILED, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason");
        assertThatThrownBy(() -> messages.text(null, to, null, MessagePurpose.PAYMENT_FAILED,
                Map.of("reason", "timeout.", "amount", 5))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("amount");
        assertThat(queued).isEmpty();
    }

    @Test
    void aPurposeWithoutSubjectIsNotMailed() {
        assertThatThrownBy(() -> messages.email(null, "a@example.co.ke", Language.EN, MessagePurpose.PAYMENT_FAILED,
                Map.of("reason", "timeout."))).isInstanceOf(IllegalArgumentException.class);
    }

    private String sms(MessagePurpose purpose, Map<String, ?> values) {
        return messages.text(UUID.randomUUID(), Msisdn.parse("+254712345678"), Language.EN, purpose, values);
    }

    private static Properties englishTemplates() {
        var properties = new Properties();
        try (var file = ClientMessagesTests.class.getClassLoader()
                .getResourceAsStream(ClientMessageTemplates.FILES + ".properties")) {
            properties.load(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    @Test
    void aReminderToANumberThatTextedStopIsWithheldButItsReceiptsStillGo() {
        optedOut.add("sms +254712345678");
        var reminder = Map.of("name", "Baraka", "amountDue", new BigDecimal("2999.00"),
                "dueDate", LocalDate.of(2026, 12, 7), "accountNumber", "ACM-0009");

        sms(MessagePurpose.PAYMENT_REMINDER, reminder);
        sms(MessagePurpose.PAYMENT_RECEIVED, Map.of("name", "Baraka", "amount", new BigDecimal("500.00"),
                "paidBy", "M-PESA 254712345678", "receipt", "QK12AB34CD", "account", "ACM-0009"));
        messages.text(null, Msisdn.parse("0722000111"), Language.EN, MessagePurpose.PAYMENT_REMINDER, reminder);

        assertThat(withheld).containsExactly("payment_reminder sms +254712345678");
        assertThat(queued).hasSize(2);
        assertThat(queued.get(0)).startsWith("sms +254712345678 payment_receipt ");
        assertThat(queued.get(1)).startsWith("sms +254722000111 payment_reminder ");
    }

    /** The platform's wording, as a company without its own templates reads. */
    private static class PlatformWording implements Wording {

        @Override
        public String text(MessagePurpose purpose, Language language, Map<String, ?> values) {
            var templates = ClientMessageTemplates.load(language.locale());
            return templates.fill(purpose, templates.body(purpose), values);
        }

        @Override
        public java.util.Optional<String> subject(MessagePurpose purpose, Language language, Map<String, ?> values) {
            var templates = ClientMessageTemplates.load(language.locale());
            return templates.subject(purpose).map(subject -> templates.fill(purpose, subject, values));
        }
    }

    private class OptOuts implements RecipientHistory {

        @Override
        public boolean optedOut(String channel, String recipient) {
            return optedOut.contains(channel + " " + recipient);
        }

        @Override
        public void withheld(MessagePurpose purpose, String channel, String recipient) {
            withheld.add(purpose.templateKey() + " " + channel + " " + recipient);
        }

        @Override
        public boolean sentWithin(MessagePurpose purpose, String channel, String recipient, java.time.Duration window) {
            return queued.stream().anyMatch(message -> message.startsWith(channel + " " + recipient + " " + purpose.code()));
        }
    }

    private class RecordingNotifier implements Notifier {

        @Override
        public void notifyStaff(String userId, String title, String message, String entityType, UUID entityId) {
            throw new UnsupportedOperationException("client messages never notify staff");
        }

        @Override
        public void textClient(UUID clientId, String phone, MessagePurpose purpose, String text) {
            queued.add("sms " + phone + " " + purpose.code() + " " + text);
        }

        @Override
        public void emailClient(UUID clientId, String email, String purpose, String subject, String text) {
            queued.add("email " + email + " " + purpose + " " + subject + " / " + text);
        }
    }
}
