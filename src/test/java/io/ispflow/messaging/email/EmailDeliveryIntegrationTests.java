package io.ispflow.messaging.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.messaging.Notifier;
import io.ispflow.platform.TenantScope;
import io.ispflow.shared.StaffRole;
import io.ispflow.testing.Api;
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.ProviderPeers;
import io.ispflow.testing.TestCompanies;
import io.ispflow.testing.TestCompanies.TestCompany;

/**
 * Queued e-mails leave through each company's SMTP server (GreenMail on loopback, or a peer that refuses
 * recipients): text and HTML, from the company's address, with our Message-ID kept as the gateway id;
 * 4xx replies and unreachable servers tried again with back-off, 5xx refusals not; every attempt logged.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class EmailDeliveryIntegrationTests extends ProviderPeers {

    static final String LOGIN = "mailer";
    static final String PASSWORD = "smtp-Pa55word-7f3a";
    static final String CLIENT = "wanjiru@client.example";

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp"))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(LOGIN, PASSWORD))
            .withPerMethodLifecycle(false);

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestCompanies testCompanies;
    @Autowired
    Notifier notifier;
    @Autowired
    EmailDispatcher dispatcher;
    @Autowired
    TenantScope tenantScope;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    CamelContext camel;

    Api api;
    TestCompany acme;

    @BeforeEach
    void aCompanyWithAMailAccount() throws Exception {
        SMTP.purgeEmailFromAllMailboxes();
        api = new Api(http);
        acme = testCompanies.create();
        configure(acme, SMTP.getSmtp().getPort(), PASSWORD);
    }

    @Test
    void aQueuedEmailLeavesAsTextAndHtmlFromTheCompanyWithOurMessageId() throws Exception {
        UUID id = queue(acme, "Welcome <to> Acme & friends", "Hello Wanjiru,\n\nYour account is <b>ACME-00042</b>.\n"
                + "Pay by M-PESA & enjoy.");

        assertThat(dispatcher.dispatchPending()).isEqualTo(1);

        assertThat(SMTP.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage mail = SMTP.getReceivedMessages()[0];
        assertThat(mail.getFrom()).containsExactly(new InternetAddress("billing@acme.example", "Acme Networks"));
        assertThat(((InternetAddress) mail.getFrom()[0]).getPersonal()).isEqualTo("Acme Networks");
        assertThat(mail.getReplyTo()).containsExactly(new InternetAddress("care@acme.example"));
        assertThat(mail.getAllRecipients()).containsExactly(new InternetAddress(CLIENT));
        assertThat(mail.getSubject()).isEqualTo("Welcome <to> Acme & friends");
        assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        assertThat(mail.getMessageID()).isEqualTo("<" + id + "@acme.example>");

        var parts = (MimeMultipart) mail.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain").contains("UTF-8");
        assertThat(text(parts, 0)).isEqualTo("Hello Wanjiru,\n\nYour account is <b>ACME-00042</b>.\nPay by M-PESA & enjoy.");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat(text(parts, 1)).contains("<p>Hello Wanjiru,</p>")
                .contains("<p>Your account is &lt;b&gt;ACME-00042&lt;/b&gt;.<br>\nPay by M-PESA &amp; enjoy.</p>")
                .contains("<title>Welcome &lt;to&gt; Acme &amp; friends</title>").doesNotContain("<b>");

        Map<String, Object> row = message(id);
        assertThat(row).containsEntry("status", "sent").containsEntry("attempts", 1)
                .containsEntry("gateway_message_id", "<" + id + "@acme.example>");
        assertThat(row.get("sent_at")).isNotNull();
        assertThat(log(id)).containsExactly("sent");
        assertThat(inAcme(() -> jdbc.queryForObject(
                "select channels[1] from notification_logs where message_id = ?", String.class, id))).isEqualTo("email");
        assertThat(dispatcher.dispatchPending()).as("nothing left to send; SMTP reports no delivery").isZero();
        assertThat(message(id)).containsEntry("status", "sent");
    }

    @Test
    void aServerNotReachedIsTriedAgainWithBackOffAndThenSent() throws Exception {
        configure(acme, portWhereNothingListens(), PASSWORD);
        UUID id = queue(acme, "Your invoice", "Hello");

        dispatcher.dispatchPending();

        assertThat(message(id)).containsEntry("status", "queued").containsEntry("attempts", 1);
        assertThat((String) message(id).get("failure_reason")).startsWith("SMTP server not reached");
        assertThat(secondsUntilNextAttempt(id)).as("30 s back-off").isBetween(20.0, 31.0);
        assertThat(dispatcher.dispatchPending()).as("not before its time").isZero();

        dueNow(id);
        dispatcher.dispatchPending();
        assertThat(message(id)).containsEntry("status", "queued").containsEntry("attempts", 2);
        assertThat(secondsUntilNextAttempt(id)).as("the wait doubles").isBetween(50.0, 61.0);

        configure(acme, SMTP.getSmtp().getPort(), PASSWORD);
        dueNow(id);
        dispatcher.dispatchPending();
        assertThat(message(id)).containsEntry("status", "sent").containsEntry("attempts", 3);
        assertThat(SMTP.waitForIncomingEmail(5_000, 1)).isTrue();
        assertThat(log(id)).containsExactly("retry", "retry", "sent");
    }

    @Test
    void aServerThatDoesNotAnswerInTimeIsTriedAgain() throws Exception {
        // the connection is taken (the backlog) but the server never greets: the read times out (3 s in tests)
        try (var silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            configure(acme, silent.getLocalPort(), PASSWORD);
            UUID id = queue(acme, "Your invoice", "Hello");
            dispatcher.dispatchPending();
            assertThat(message(id)).containsEntry("status", "queued").containsEntry("attempts", 1)
                    .containsEntry("failure_reason", "SMTP server did not answer in time");
            assertThat(log(id)).containsExactly("retry");
        }
    }

    @Test
    void aTemporaryRefusalIsTriedAgainAndAPermanentOneIsNot() throws Exception {
        try (var peer = new RefusingSmtpPeer("451 4.3.0 Mailbox busy, try again later")) {
            configure(acme, peer.port(), null);
            UUID busy = queue(acme, "Reminder", "Hello");
            dispatcher.dispatchPending();
            assertThat(message(busy)).containsEntry("status", "queued").containsEntry("attempts", 1);
            assertThat((String) message(busy).get("failure_reason")).contains("451");
            assertThat(secondsUntilNextAttempt(busy)).isBetween(20.0, 31.0);

            peer.answerRecipientsWith("550 5.1.1 Mailbox unavailable");
            dueNow(busy);
            dispatcher.dispatchPending();
            assertThat(message(busy)).containsEntry("status", "failed").containsEntry("attempts", 2);
            assertThat((String) message(busy).get("failure_reason")).contains("550").contains("Mailbox unavailable");

            peer.answerRecipientsWith("553 5.1.3 Bad recipient address syntax");
            UUID bad = queue(acme, "Reminder", "Hello again");
            dispatcher.dispatchPending();
            assertThat(message(bad)).containsEntry("status", "failed").containsEntry("attempts", 1);

            dueNow(busy);
            dueNow(bad);
            assertThat(dispatcher.dispatchPending()).as("a refusal for good is not tried again").isZero();
            assertThat(log(busy)).containsExactly("retry", "rejected");
            assertThat(log(bad)).containsExactly("rejected");
            assertThat(inAcme(() -> jdbc.queryForObject("""
                    select metadata ->> 'statusCode' from notification_logs where message_id = ?""", String.class, bad)))
                    .isEqualTo("553");
        }
    }

    @Test
    void aRefusedLoginIsTriedAgainAndNamedInTheLogWithoutThePassword(CapturedOutput output) throws Exception {
        configure(acme, SMTP.getSmtp().getPort(), "not-the-" + PASSWORD);
        UUID id = queue(acme, "Your invoice", "Hello");
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        logging.setLogLevel("org.apache.camel", LogLevel.DEBUG);
        logging.setLogLevel("org.eclipse.angus", LogLevel.DEBUG);
        try {
            dispatcher.dispatchPending();
            configure(acme, SMTP.getSmtp().getPort(), PASSWORD);
            dueNow(id);
            dispatcher.dispatchPending();
        } finally {
            logging.setLogLevel("org.apache.camel", null);
            logging.setLogLevel("org.eclipse.angus", null);
        }

        assertThat(log(id)).containsExactly("retry", "sent");
        assertThat(inAcme(() -> jdbc.queryForObject("""
                select metadata ->> 'reason' from notification_logs where message_id = ? and status = 'retry'""",
                String.class, id))).startsWith("the SMTP server refused the account's login");
        assertThat(output.getAll()).contains("refused the login 'mailer' of company " + acme.id())
                .doesNotContain(PASSWORD);
        for (Endpoint endpoint : camel.getEndpoints()) {
            assertThat(endpoint.getEndpointUri()).doesNotContain(PASSWORD);
        }
        assertThat(camel.getRoute("messaging.email-send").getEndpoint().getEndpointUri()).isEqualTo("direct://email-send");
    }

    @Test
    void messagesOfACompanyWithoutAnActiveAccountStayQueuedUntouched() {
        TestCompany quiet = testCompanies.create();
        UUID none = queue(quiet, "Hello", "Hello");
        TestCompany paused = testCompanies.create();
        configure(paused, SMTP.getSmtp().getPort(), PASSWORD, false);
        UUID inactive = queue(paused, "Hello", "Hello");

        dispatcher.dispatchPending();

        for (var queued : Map.of(quiet, none, paused, inactive).entrySet()) {
            Map<String, Object> row = tenantScope.callAs(queued.getKey().id(), () -> transactions.execute(tx ->
                    jdbc.queryForMap("select status, attempts from outbound_messages where id = ?", queued.getValue())));
            assertThat(row).containsEntry("status", "queued").containsEntry("attempts", 0);
        }
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void aRecipientThatIsNoAddressIsRefusedForGood() {
        UUID id = queue(acme, "Hello", "Hello", "not an address");
        dispatcher.dispatchPending();
        assertThat(message(id)).containsEntry("status", "failed").containsEntry("failure_reason", "not an e-mail address");
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void thePasswordIsStoredEncryptedNeverReturnedAndOnlyAdministratorsSeeTheAccount() {
        var settings = api.get("/api/messaging/email-gateway", acme.user(StaffRole.ISP_ADMIN));
        assertThat(settings.status()).isEqualTo(200);
        assertThat(settings.body().toString()).doesNotContain(PASSWORD);
        assertThat(settings.body().path("passwordSet").asBoolean()).isTrue();
        assertThat(settings.text("fromAddress")).isEqualTo("billing@acme.example");
        assertThat(settings.text("security")).isEqualTo("none");
        String stored = inAcme(() -> jdbc.queryForObject(
                "select password from email_gateway_settings where isp_company_id = ?", String.class, acme.id()));
        assertThat(stored).startsWith("v1:").doesNotContain(PASSWORD);

        // a blank password keeps the stored one; no user name drops it
        configure(acme, SMTP.getSmtp().getPort(), "");
        assertThat(inAcme(() -> jdbc.queryForObject(
                "select password from email_gateway_settings where isp_company_id = ?", String.class, acme.id())))
                .isEqualTo(stored);
        var noLogin = body(SMTP.getSmtp().getPort(), null, true);
        noLogin.remove("username");
        assertThat(api.put("/api/messaging/email-gateway", acme.user(StaffRole.ISP_ADMIN), noLogin)
                .body().path("passwordSet").asBoolean()).isFalse();

        assertThat(api.get("/api/messaging/email-gateway", acme.user(StaffRole.BILLING_FINANCE)).status()).isEqualTo(403);
        assertThat(api.put("/api/messaging/email-gateway", acme.user(StaffRole.CUSTOMER_SUPPORT),
                body(25, PASSWORD, true)).status()).isEqualTo(403);
        assertThat(api.get("/api/messaging/email-gateway", testCompanies.create().user(StaffRole.ISP_ADMIN)).status())
                .as("another company's administrator sees no account").isEqualTo(404);
    }

    @Test
    void badInputIsRefusedFieldByFieldAndStoresNothing() {
        String admin = acme.user(StaffRole.ISP_ADMIN);
        var bad = new HashMap<String, Object>(Map.of("host", "smtp..example.com", "port", 70000, "security", "tls",
                "username", "mailer\u0007", "fromAddress", "billing@", "fromName", "Acme", "replyTo", "a b@example.com",
                "active", true));
        var refused = api.put("/api/messaging/email-gateway", admin, bad);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().findValuesAsText("field"))
                .contains("host", "port", "security", "username", "fromAddress", "replyTo");

        var clear = body(587, PASSWORD, true);
        clear.put("host", "smtp.acme.example");
        clear.put("security", "none");
        var plain = api.put("/api/messaging/email-gateway", admin, clear);
        assertThat(plain.status()).as("mail in the clear to another machine").isEqualTo(400);
        assertThat(plain.body().findValuesAsText("field")).contains("plainOnlyOnLoopback");

        var wrongType = body(587, PASSWORD, true);
        wrongType.put("port", "five-eight-seven");
        assertThat(api.put("/api/messaging/email-gateway", admin, wrongType).status()).isEqualTo(400);
        assertThat(api.put("/api/messaging/email-gateway", admin, "[]").status()).isEqualTo(400);
        for (String field : List.of("host", "port", "security", "fromAddress", "fromName")) {
            var missing = body(587, PASSWORD, true);
            missing.remove(field);
            assertThat(api.put("/api/messaging/email-gateway", admin, missing).body().findValuesAsText("field"))
                    .as(field).contains(field);
        }
        assertThat(api.get("/api/messaging/email-gateway", admin).text("host")).as("unchanged").isEqualTo("127.0.0.1");
    }

    // --- steps

    private void configure(TestCompany company, int port, String password) {
        configure(company, port, password, true);
    }

    private void configure(TestCompany company, int port, String password, boolean active) {
        var reply = api.put("/api/messaging/email-gateway", company.user(StaffRole.ISP_ADMIN),
                body(port, password, active));
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
    }

    private static Map<String, Object> body(int port, String password, boolean active) {
        var body = new HashMap<String, Object>(Map.of("host", "127.0.0.1", "port", port, "security", "none",
                "username", LOGIN, "fromAddress", "billing@acme.example", "fromName", "Acme Networks",
                "replyTo", "care@acme.example", "active", active));
        if (password != null) {
            body.put("password", password);
        }
        return body;
    }

    private static int portWhereNothingListens() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private UUID queue(TestCompany company, String subject, String text) {
        return queue(company, subject, text, CLIENT);
    }

    private UUID queue(TestCompany company, String subject, String text, String to) {
        return tenantScope.callAs(company.id(), () -> transactions.execute(tx -> {
            notifier.emailClient(null, to, "invoice_issued", subject, text);
            return jdbc.queryForObject("select id from outbound_messages order by created_at desc limit 1", UUID.class);
        }));
    }

    private static String text(MimeMultipart parts, int index) throws Exception {
        return parts.getBodyPart(index).getContent().toString().replace("\r\n", "\n");
    }

    private Map<String, Object> message(UUID id) {
        return inAcme(() -> jdbc.queryForMap("""
                select status, attempts, gateway_message_id, failure_reason, sent_at from outbound_messages
                where id = ?""", id));
    }

    private double secondsUntilNextAttempt(UUID id) {
        return inAcme(() -> jdbc.queryForObject("""
                select extract(epoch from next_attempt_at - now()) from outbound_messages where id = ?""",
                Double.class, id));
    }

    private List<String> log(UUID id) {
        return inAcme(() -> jdbc.queryForList(
                "select status from notification_logs where message_id = ? order by created_at, id", String.class, id));
    }

    private void dueNow(UUID id) {
        inAcme(() -> jdbc.update("update outbound_messages set next_attempt_at = now() where id = ?", id));
    }

    private <T> T inAcme(Supplier<T> work) {
        return tenantScope.callAs(acme.id(), () -> transactions.execute(tx -> work.get()));
    }
}
