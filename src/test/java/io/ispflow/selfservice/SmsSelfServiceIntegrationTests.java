package io.ispflow.selfservice;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.clients.ClientDetails;
import io.ispflow.clients.ClientType;
import io.ispflow.messaging.ClientMessages;
import io.ispflow.messaging.MessagePurpose;
import io.ispflow.platform.TenantScope;
import io.ispflow.shared.Msisdn;
import io.ispflow.shared.StaffRole;
import io.ispflow.testing.Api;
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.OnboardingFixture;
import io.ispflow.testing.ProviderPeers;
import io.ispflow.testing.SubscriptionFixture;
import io.ispflow.testing.TestCompanies;
import io.ispflow.testing.TestCompanies.TestCompany;
import io.ispflow.tenancy.StaffDirectory;

/**
 * Clients text the company's number (Africa's Talking posts each text as a form) and are answered:
 * their balance, an M-PESA prompt, reminders stopped and started, the support team told; a stranger
 * gets one answer a day. Each text is taken once, however often it is posted.
 */
@IntegrationTest
class SmsSelfServiceIntegrationTests extends ProviderPeers {

    static final String PHONE = "+254722111333";

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestCompanies testCompanies;
    @Autowired
    OnboardingFixture onboarding;
    @Autowired
    SubscriptionFixture subscriptions;
    @Autowired
    ClientMessages messages;
    @Autowired
    TenantScope tenantScope;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    StaffDirectory staff;

    Api api;
    TestCompany acme;
    String incomingPath;
    ClientDetails client;
    int texts;

    @BeforeEach
    void aCompanyWithAnSmsNumberAndAClient() {
        api = new Api(http);
        acme = testCompanies.create();
        incomingPath = incomingPathOf(configureSms(api, acme));
        client = onboarding.register(acme, "Wanjiku Kamau", ClientType.INDIVIDUAL, "0722111333");
    }

    @Test
    void balanceTellsWhatTheWalletHoldsAndWhatIsDueByWhen() {
        var active = subscriptions.activeClient(acme, "Otieno Ouma", ClientType.INDIVIDUAL);
        subscriptions.subscribe(acme, active);

        text("+254712345678", "bal");
        text(PHONE, "SALIO");

        String dueAnswer = answerTo("+254712345678", "sms_reply");
        assertThat(dueAnswer).startsWith("Hello Otieno Ouma, your wallet balance is KES 0.00. KES "
                + SubscriptionFixture.RATE + " is due by ").contains(active.accountNumber());
        assertThat(answerTo(PHONE, "sms_reply")).isEqualTo("Hello Wanjiku Kamau, your wallet balance is KES 0.00 and"
                + " nothing is due. Account number " + client.accountNumber() + ".");
    }

    @Test
    void payStartsAnMpesaPromptOnThePhoneThatTextedForHisAccount() {
        DARAJA.stubFor(post(urlEqualTo("/mpesa/stkpush/v1/processrequest")).willReturn(aResponse().withStatus(200)
                .withBody("""
                        {"MerchantRequestID": "2654-4b64", "CheckoutRequestID": "ws_CO_191220191020363925",
                         "ResponseCode": "0", "ResponseDescription": "Success. Request accepted for processing",
                         "CustomerMessage": "Success. Request accepted for processing"}""")));
        configureMpesa(api, acme, "174379");

        text(PHONE, "Pay 500");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> DARAJA.verify(1,
                postRequestedFor(urlEqualTo("/mpesa/stkpush/v1/processrequest"))
                        .withRequestBody(matchingJsonPath("$.Amount", com.github.tomakehurst.wiremock.client.WireMock.equalTo("500")))
                        .withRequestBody(matchingJsonPath("$.PhoneNumber",
                                com.github.tomakehurst.wiremock.client.WireMock.equalTo("254722111333")))
                        .withRequestBody(matchingJsonPath("$.AccountReference",
                                com.github.tomakehurst.wiremock.client.WireMock.equalTo(client.accountNumber())))));
        await().atMost(Duration.ofSeconds(20)).until(() -> inAcme(() -> jdbc.queryForObject(
                "select count(*) from mpesa_stk_requests where phone = ? and amount = 500 and requested_by = 'sms'",
                Long.class, PHONE)) == 1);
        assertThat(outbound(PHONE)).as("the prompt on his phone is the answer").isEmpty();
    }

    @Test
    void payWithoutAnAmountOrThatMpesaRefusesIsAnsweredWithHowToPay() {
        text(PHONE, "PAY");
        assertThat(answerTo(PHONE, "sms_reply")).startsWith("To pay by M-PESA from this phone, text PAY and the amount");

        // no M-PESA settings: the prompt cannot start, and he is told how else to pay
        text(PHONE, "LIPA 1,500");
        await().atMost(Duration.ofSeconds(20)).until(() -> outbound(PHONE).size() == 2);
        assertThat(outbound(PHONE).get(1)).isEqualTo("We could not start an M-PESA payment of KES 1500 just now."
                + " Please pay by M-PESA with account number " + client.accountNumber() + ".");
    }

    @Test
    void anyOtherTextReachesTheSupportTeamAndIsAcknowledged() {
        text(PHONE, "My router has a red light since morning");

        assertThat(answerTo(PHONE, "sms_reply")).isEqualTo("Asante Wanjiku Kamau, we have your message. Our support"
                + " team will get back to you.");
        UUID support = tenantScope.callAs(acme.id(),
                () -> staff.profileOf(acme.user(StaffRole.CUSTOMER_SUPPORT)).orElseThrow().id());
        var notice = tenantScope.callAsStaff(acme.id(), support, () -> transactions.execute(tx -> jdbc.queryForMap("""
                select n.title, n.message, n.related_entity_id, p.role from notifications n
                join profiles p on p.id = n.user_id where n.related_entity_id = ?""", client.id())));
        assertThat(inAcme(() -> jdbc.queryForObject("select count(*) from notifications", Long.class)))
                .as("only the addressee reads his notifications").isZero();
        assertThat(notice).containsEntry("title", "SMS from Wanjiku Kamau (" + client.accountNumber() + ")")
                .containsEntry("message", "My router has a red light since morning")
                .containsEntry("role", "customer_support");
    }

    @Test
    void aStrangerGetsOnePoliteAnswerADay() {
        text("+254733000999", "hello?");
        text("+254733000999", "BAL");
        text("+254733000999", "who is this");

        await().atMost(Duration.ofSeconds(20)).until(() -> inAcme(() -> jdbc.queryForObject(
                "select count(*) from event_publication where completion_date is null", Long.class)) == 0
                && inAcme(() -> jdbc.queryForObject("select count(*) from inbound_messages where from_number = ?",
                Long.class, "+254733000999")) == 3);
        await().atMost(Duration.ofSeconds(20)).until(() -> outbound("+254733000999").size() == 1);
        assertThat(outbound("+254733000999").get(0)).startsWith("Hello, this number is not on any account with us.");
    }

    @Test
    void stopWithholdsRemindersButNotReceiptsAndStartBringsThemBack() {
        text(PHONE, "STOP");
        assertThat(answerTo(PHONE, "sms_opt_out")).startsWith("You will get no more reminders by SMS.");
        assertThat(api.get("/api/messaging/opt-outs?recipient=0722111333", acme.user(StaffRole.CUSTOMER_SUPPORT))
                .body().get(0).get("source").asText()).isEqualTo("sms_keyword");

        remind();
        receipt();
        assertThat(purposes(PHONE)).containsExactly("sms_opt_out", "payment_receipt");
        assertThat(inAcme(() -> jdbc.queryForObject("""
                select count(*) from notification_logs where status = 'withheld' and type = 'payment_reminder'
                and ? = any (recipients)""", Long.class, PHONE))).isEqualTo(1);

        text(PHONE, "start");
        await().atMost(Duration.ofSeconds(20)).until(() -> purposes(PHONE).size() == 3);
        remind();
        assertThat(purposes(PHONE)).containsExactly("sms_opt_out", "payment_receipt", "sms_opt_out", "payment_reminder");
    }

    @Test
    void aTextPostedTwiceIsTakenAndAnsweredOnce() {
        String form = "from=%2B254722111333&to=28901&id=dup-1&linkId=L1&text=BAL&date=2026-12-02T08%3A34%3A18.445Z&networkCode=63902";
        assertThat(api.postRaw(incomingPath, MediaType.APPLICATION_FORM_URLENCODED, form).status()).isEqualTo(200);
        assertThat(api.postRaw(incomingPath, MediaType.APPLICATION_FORM_URLENCODED, form).status()).isEqualTo(200);

        answerTo(PHONE, "sms_reply");
        assertThat(inAcme(() -> jdbc.queryForMap(
                "select count(*) as texts, min(command) as command, min(sent_at)::text as sent from inbound_messages")))
                .containsEntry("texts", 1L).containsEntry("command", "balance");
        await().atMost(Duration.ofSeconds(20)).until(() -> inAcme(() -> jdbc.queryForObject(
                "select count(*) from event_publication where completion_date is null", Long.class)) == 0);
        assertThat(outbound(PHONE)).hasSize(1);
    }

    @Test
    void postsThatAreNoTextsAreRefusedAndLeaveNothing() {
        assertThat(api.postRaw(incomingPath.replace("/incoming/", "/incoming/x"), MediaType.APPLICATION_FORM_URLENCODED,
                "from=%2B254722111333&id=1&text=BAL").status()).isEqualTo(404);
        assertThat(api.postRaw(incomingPath, MediaType.APPLICATION_FORM_URLENCODED, "id=2&text=BAL").status())
                .as("no sender").isEqualTo(400);
        assertThat(api.postRaw(incomingPath, MediaType.APPLICATION_FORM_URLENCODED, "from=hello&id=3&text=BAL").status())
                .as("no phone number").isEqualTo(400);
        assertThat(api.postRaw(incomingPath, MediaType.APPLICATION_FORM_URLENCODED,
                "from=%2B254722111333&id=4&text=" + "x".repeat(1601)).status()).as("longer than any SMS").isEqualTo(400);
        assertThat(api.postRaw(incomingPath, MediaType.APPLICATION_FORM_URLENCODED, "from=%2B254722111333&id=5&text=%ZZ")
                .status()).as("broken escape").isEqualTo(400);
        assertThat(api.postRaw(incomingPath, MediaType.APPLICATION_JSON, "{\"from\":\"+254722111333\",\"id\":\"6\"}")
                .status()).isEqualTo(415);
        assertThat(inAcme(() -> jdbc.queryForObject("select count(*) from inbound_messages", Long.class))).isZero();
    }

    @Test
    void anotherCompanysNumberKnowsNoneOfThisCompanysClients() {
        TestCompany other = testCompanies.create();
        String otherPath = incomingPathOf(configureSms(api, other));

        api.postRaw(otherPath, MediaType.APPLICATION_FORM_URLENCODED, form(PHONE, "BAL"));

        await().atMost(Duration.ofSeconds(20)).until(() -> tenantScope.callAs(other.id(), () -> transactions.execute(
                tx -> jdbc.queryForList("select body from outbound_messages where recipient = ?", String.class, PHONE)))
                .size() == 1);
        String answer = tenantScope.callAs(other.id(), () -> transactions.execute(tx -> jdbc.queryForObject(
                "select body from outbound_messages where recipient = ?", String.class, PHONE)));
        assertThat(answer).startsWith("Hello, this number is not on any account with us.");
        assertThat(inAcme(() -> jdbc.queryForObject("select count(*) from inbound_messages", Long.class))).isZero();
    }

    private void remind() {
        inAcmeRun(() -> messages.text(client.id(), Msisdn.parse(PHONE), null, MessagePurpose.PAYMENT_REMINDER,
                Map.of("name", "Wanjiku", "amountDue", new BigDecimal("2999.00"),
                        "dueDate", java.time.LocalDate.of(2026, 12, 7), "accountNumber", client.accountNumber())));
    }

    private void receipt() {
        inAcmeRun(() -> messages.text(client.id(), Msisdn.parse(PHONE), null, MessagePurpose.PAYMENT_RECEIVED,
                Map.of("name", "Wanjiku", "amount", new BigDecimal("500.00"), "paidBy", "M-PESA",
                        "receipt", "QK12AB34CD", "account", client.accountNumber())));
    }

    static String incomingPathOf(String deliveryReportPath) {
        return deliveryReportPath.replace("/delivery/", "/incoming/");
    }

    private void text(String from, String words) {
        var reply = api.postRaw(incomingPath, MediaType.APPLICATION_FORM_URLENCODED, form(from, words));
        assertThat(reply.status()).as(String.valueOf(reply.body())).isEqualTo(200);
        assertThat(reply.text("status")).isEqualTo("received");
    }

    private String form(String from, String words) {
        texts++;
        return "from=" + URLEncoder.encode(from, StandardCharsets.UTF_8) + "&to=28901&id=" + System.nanoTime() + "-"
                + texts + "&linkId=SampleLinkId123&text=" + URLEncoder.encode(words, StandardCharsets.UTF_8)
                + "&date=2026-12-02T08%3A34%3A18.445Z&networkCode=63902";
    }

    /** The first message of the purpose queued to the number, once the text was answered. */
    private String answerTo(String phone, String purpose) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> inAcme(() -> jdbc.queryForList(
                "select body from outbound_messages where recipient = ? and purpose = ? order by created_at",
                String.class, phone, purpose)), bodies -> !bodies.isEmpty()).get(0);
    }

    private List<String> outbound(String phone) {
        return inAcme(() -> jdbc.queryForList("select body from outbound_messages where recipient = ? order by created_at",
                String.class, phone));
    }

    private List<String> purposes(String phone) {
        return inAcme(() -> jdbc.queryForList(
                "select purpose from outbound_messages where recipient = ? order by created_at", String.class, phone));
    }

    private <T> T inAcme(Supplier<T> work) {
        return tenantScope.callAs(acme.id(), () -> transactions.execute(tx -> work.get()));
    }

    private void inAcmeRun(Runnable work) {
        inAcme(() -> {
            work.run();
            return null;
        });
    }
}
