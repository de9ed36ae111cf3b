package io.ispflow.messaging.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.platform.TenantScope;
import io.ispflow.shared.StaffRole;
import io.ispflow.testing.Api;
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.TestCompanies;
import io.ispflow.testing.TestCompanies.TestCompany;
import io.ispflow.tenancy.StaffDirectory;

/**
 * Staff write each other: a message reaches its recipient and notifies him, replies stay in the thread,
 * and nobody but the two parties (not an administrator of the company, not another company) sees the
 * message; notifications are read and marked by their addressee alone.
 */
@IntegrationTest
class StaffMessagingIntegrationTests {

    static final String MESSAGES = "/api/messaging/messages";
    static final String NOTIFICATIONS = "/api/messaging/notifications";

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestCompanies testCompanies;
    @Autowired
    TenantScope tenantScope;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StaffDirectory staff;

    Api api;
    TestCompany acme;
    String sales;
    String billing;

    @BeforeEach
    void aCompanyWithStaff() {
        api = new Api(http);
        acme = testCompanies.create();
        sales = acme.user(StaffRole.SALES_ACCOUNT_MANAGER);
        billing = acme.user(StaffRole.BILLING_FINANCE);
    }

    @Test
    void aMessageReachesItsRecipientWhoIsNotifiedAndMarksBothRead() {
        var sent = send(sales, billing, "Invoice for Kamau", "Please re-issue his November invoice.");
        assertThat(sent.status()).isEqualTo(201);
        String id = sent.text("id");
        assertThat(sent.text("from")).isEqualTo(sales);
        assertThat(sent.text("to")).isEqualTo(billing);
        assertThat(sent.text("threadId")).isEqualTo(id);

        var inbox = api.get(MESSAGES + "/inbox", billing);
        assertThat(ids(inbox.body().path("content"))).containsExactly(id);
        assertThat(ids(api.get(MESSAGES + "/sent", sales).body().path("content"))).containsExactly(id);
        assertThat(ids(api.get(MESSAGES + "/inbox", sales).body().path("content"))).isEmpty();

        JsonNode notice = api.get(NOTIFICATIONS, billing).body().path("content").get(0);
        assertThat(notice.path("title").asText()).isEqualTo("Message from " + sales);
        assertThat(notice.path("message").asText()).isEqualTo("Invoice for Kamau");
        assertThat(notice.path("relatedEntityType").asText()).isEqualTo("internal_message");
        assertThat(notice.path("relatedEntityId").asText()).isEqualTo(id);
        assertThat(notice.path("actionUrl").asText()).isEqualTo("/api/messaging/threads/" + id);
        assertThat(unread(billing)).isEqualTo(1);
        assertThat(unread(sales)).isZero();

        var read = api.post(NOTIFICATIONS + "/" + notice.path("id").asText() + "/read", billing, null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().path("read").asBoolean()).isTrue();
        assertThat(unread(billing)).isZero();
        assertThat(api.get(NOTIFICATIONS, billing).body().path("content")).isEmpty();
        assertThat(api.get(NOTIFICATIONS + "?all=true", billing).body().path("content")).hasSize(1);

        var messageRead = api.post(MESSAGES + "/" + id + "/read", billing, null);
        assertThat(messageRead.status()).isEqualTo(200);
        assertThat(messageRead.body().path("read").asBoolean()).isTrue();
        assertThat(api.get(MESSAGES + "/" + id, sales).body().path("readAt").isTextual()).isTrue();
    }

    @Test
    void repliesStayInTheThreadAndGoToTheOtherParty() {
        String first = send(sales, billing, "Kamau", "Can you re-issue?").text("id");

        var reply = api.post(MESSAGES + "/" + first + "/replies", billing, Map.of("content", "Done."));
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.text("to")).isEqualTo(sales);
        assertThat(reply.text("subject")).isEqualTo("Re: Kamau");
        assertThat(reply.text("threadId")).isEqualTo(first);
        assertThat(reply.text("replyToId")).isEqualTo(first);
        var again = api.post(MESSAGES + "/" + reply.text("id") + "/replies", sales, Map.of("content", "Thanks"));
        assertThat(again.text("to")).isEqualTo(billing);
        assertThat(again.text("subject")).isEqualTo("Re: Kamau");

        var thread = api.get("/api/messaging/threads/" + first, sales);
        assertThat(thread.status()).isEqualTo(200);
        assertThat(ids(thread.body())).containsExactly(first, reply.text("id"), again.text("id"));
        assertThat(unread(sales)).isEqualTo(1);
        assertThat(unread(billing)).isEqualTo(2);
    }

    @Test
    void onlyTheAddresseeSeesAndMarksHisNotifications() {
        send(sales, billing, "Kamau", "Please call him.");
        String notice = api.get(NOTIFICATIONS, billing).body().path("content").get(0).path("id").asText();
        String colleague = acme.user(StaffRole.NETWORK_OPERATIONS);
        String admin = acme.user(StaffRole.ISP_ADMIN);

        for (String other : List.of(colleague, admin, sales)) {
            assertThat(api.get(NOTIFICATIONS + "?all=true", other).body().path("content")).as(other).isEmpty();
            var markRead = api.post(NOTIFICATIONS + "/" + notice + "/read", other, null);
            assertThat(markRead.status()).as(other).isEqualTo(404);
            assertThat(markRead.text("type")).endsWith("/notification-not-found");
            assertThat(api.post(NOTIFICATIONS + "/read-all", other, null).body().path("marked").asInt()).isZero();
        }
        assertThat(unread(billing)).as("still unread for him").isEqualTo(1);
        assertThat(api.post(NOTIFICATIONS + "/read-all", billing, null).body().path("marked").asInt()).isEqualTo(1);
    }

    @Test
    void noOneButTheTwoPartiesSeesOrTouchesAMessageNotEvenTheAdministrator() {
        String id = send(sales, billing, "Private", "Just between us.").text("id");
        TestCompany savanna = testCompanies.create();

        for (String outsider : List.of(acme.user(StaffRole.ISP_ADMIN), acme.user(StaffRole.CUSTOMER_SUPPORT),
                savanna.user(StaffRole.ISP_ADMIN), savanna.user(StaffRole.BILLING_FINANCE))) {
            assertThat(api.get(MESSAGES + "/" + id, outsider).status()).as(outsider).isEqualTo(404);
            assertThat(api.get("/api/messaging/threads/" + id, outsider).status()).as(outsider).isEqualTo(404);
            assertThat(api.post(MESSAGES + "/" + id + "/replies", outsider, Map.of("content", "me too")).status())
                    .as(outsider).isEqualTo(404);
            assertThat(api.post(MESSAGES + "/" + id + "/read", outsider, null).status()).as(outsider).isEqualTo(404);
            assertThat(api.delete(MESSAGES + "/" + id, outsider).status()).as(outsider).isEqualTo(404);
            assertThat(api.get(MESSAGES + "/inbox", outsider).body().path("content")).as(outsider).isEmpty();
        }
        assertThat(api.get(MESSAGES + "/" + id, billing).text("content")).isEqualTo("Just between us.");
    }

    @Test
    void messagesGoOnlyToActiveColleaguesOfTheSameCompany() {
        TestCompany savanna = testCompanies.create();

        var foreign = send(sales, savanna.user(StaffRole.BILLING_FINANCE), "Hi", "Across companies");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.text("type")).endsWith("/recipient-not-found");
        assertThat(send(sales, "nobody_here", "Hi", "?").status()).isEqualTo(404);
        var self = send(sales, sales, "Note", "to self");
        assertThat(self.status()).isEqualTo(409);
        assertThat(self.text("type")).endsWith("/message-refused");
        assertThat(api.get(MESSAGES + "/sent", sales).body().path("content")).isEmpty();
        assertThat(api.get(MESSAGES + "/inbox", savanna.user(StaffRole.BILLING_FINANCE)).body().path("content")).isEmpty();
    }

    @Test
    void everyStaffRoleHasAnInboxAndASuperAdministratorWritesForTheCompanyHeNames() {
        for (StaffRole role : StaffRole.values()) {
            if (role == StaffRole.SUPER_ADMIN || role == StaffRole.BILLING_FINANCE) {
                continue;
            }
            assertThat(send(acme.user(role), billing, "From " + role.id(), "Hello").status()).as(role.id()).isEqualTo(201);
        }
        assertThat(api.get(MESSAGES + "/inbox", billing).body().path("content")).hasSize(StaffRole.values().length - 2);
        assertThat(unread(billing)).isEqualTo(StaffRole.values().length - 2);

        String superAdmin = testCompanies.superAdmin();
        var withoutCompany = send(superAdmin, billing, "Hi", "Which company?");
        assertThat(withoutCompany.status()).isEqualTo(400);
        assertThat(withoutCompany.text("type")).endsWith("/company-required");
        var forAcme = api.call(HttpMethod.POST, MESSAGES, superAdmin,
                Map.of("to", billing, "subject", "Platform notice", "content", "Maintenance tonight."),
                Map.of("X-Company-Id", acme.id().toString()));
        assertThat(forAcme.status()).isEqualTo(201);
        assertThat(forAcme.text("from")).isEqualTo(superAdmin);
        var answer = api.post(MESSAGES + "/" + forAcme.text("id") + "/replies", billing, Map.of("content", "Noted"));
        assertThat(answer.text("to")).isEqualTo(superAdmin);
        assertThat(api.call(HttpMethod.GET, MESSAGES + "/inbox", superAdmin, null,
                Map.of("X-Company-Id", acme.id().toString())).body().path("content")).hasSize(1);

        assertThat(api.get(MESSAGES + "/inbox", null).status()).isEqualTo(401);
        assertThat(api.get(NOTIFICATIONS, null).status()).isEqualTo(401);
    }

    @Test
    void badRequestsAreProblemsAndChangeNothing() {
        assertThat(api.post(MESSAGES, sales, Map.of("to", billing, "subject", " ", "content", "x")).status()).isEqualTo(400);
        assertThat(api.post(MESSAGES, sales, Map.of("to", billing, "subject", "s".repeat(201), "content", "x")).status())
                .isEqualTo(400);
        assertThat(api.post(MESSAGES, sales, Map.of("subject", "s", "content", "x")).status()).isEqualTo(400);
        assertThat(api.get(MESSAGES + "/not-a-uuid", sales).status()).isEqualTo(400);
        assertThat(api.post(NOTIFICATIONS + "/42/read", sales, null).status()).isEqualTo(400);
        assertThat(api.get(MESSAGES + "/inbox", billing).body().path("content")).isEmpty();

        String id = send(sales, billing, "Kamau", "Call him").text("id");
        var senderMarks = api.post(MESSAGES + "/" + id + "/read", sales, null);
        assertThat(senderMarks.status()).isEqualTo(409);
        assertThat(api.get(MESSAGES + "/" + id, billing).body().path("read").asBoolean()).isFalse();
    }

    @Test
    void aDeletedMessageIsGoneForBothParties() {
        String id = send(sales, billing, "Oops", "Wrong person").text("id");

        assertThat(api.delete(MESSAGES + "/" + id, sales).status()).isEqualTo(204);

        assertThat(api.get(MESSAGES + "/" + id, billing).status()).isEqualTo(404);
        assertThat(api.get(MESSAGES + "/inbox", billing).body().path("content")).isEmpty();
        assertThat(api.get(MESSAGES + "/sent", sales).body().path("content")).isEmpty();
        assertThat(api.get("/api/messaging/threads/" + id, sales).status()).isEqualTo(404);
        assertThat(api.delete(MESSAGES + "/" + id, billing).status()).isEqualTo(404);
    }

    @Test
    void theAuditLogRecordsThatAMessageWasSentButNotWhatItSaid() {
        String id = send(sales, billing, "Salary advance", "Confidential: my advance request").text("id");
        api.post(MESSAGES + "/" + id + "/replies", billing, Map.of("content", "Confidential answer"));

        var audit = api.get("/api/audit", acme.user(StaffRole.ISP_ADMIN));
        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.body().toString()).contains("POST /api/messaging/messages",
                "POST /api/messaging/messages/{messageId}/replies").doesNotContain("Confidential", "Salary advance");
    }

    @Test
    void aNotificationIsCopiedToTheAddresseesMailAndPhoneAsHePrefersAndOnlyHeSetsThat() {
        var defaults = api.get(NOTIFICATIONS + "/preferences", billing);
        assertThat(defaults.status()).isEqualTo(200);
        assertThat(defaults.body().toString()).isEqualTo("{\"email\":true,\"sms\":false,\"whatsapp\":false,\"kinds\":[]}");

        send(sales, billing, "Invoice for Kamau", "Please re-issue it.");
        assertThat(copiesTo(billing + "@test.example"))
                .containsExactly("email staff_notice Message from " + sales + " / Message from " + sales + ": Invoice for Kamau");

        // by SMS only, and only about clients: a message from a colleague is no longer copied out
        inCompany(() -> jdbc.update("update profiles set phone = '+254700111222' where user_id = ?", billing));
        var saved = api.put(NOTIFICATIONS + "/preferences", billing,
                Map.of("email", false, "sms", true, "whatsapp", false, "kinds", List.of("client")));
        assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
        send(sales, billing, "Another one", "Still about Kamau.");
        assertThat(copiesTo(billing + "@test.example")).hasSize(1);
        assertThat(copiesTo("+254700111222")).isEmpty();
        var clientNotice = api.put(NOTIFICATIONS + "/preferences", billing,
                Map.of("email", false, "sms", true, "whatsapp", false, "kinds", List.of()));
        assertThat(clientNotice.status()).isEqualTo(200);
        send(sales, billing, "Third", "Now by SMS.");
        assertThat(copiesTo("+254700111222")).containsExactly("sms staff_notice null / Message from " + sales + ": Third");

        // his preferences are his: others see their own, and row-level security hides his from them
        assertThat(api.get(NOTIFICATIONS + "/preferences", sales).body().path("email").asBoolean()).isTrue();
        UUID salesProfile = inCompany(() -> staff.profileOf(sales).orElseThrow().id());
        Long visibleToSales = tenantScope.callAsStaff(acme.id(), salesProfile, () -> transactions.execute(
                tx -> jdbc.queryForObject("select count(*) from notification_preferences", Long.class)));
        assertThat(visibleToSales).isZero();
        assertThat(api.put(NOTIFICATIONS + "/preferences", billing,
                Map.of("email", true, "sms", false, "whatsapp", false, "kinds", List.of("payments"))).status())
                .isEqualTo(400);
        assertThat(api.put(NOTIFICATIONS + "/preferences", billing, Map.of("email", true)).status()).isEqualTo(400);
    }

    private List<String> copiesTo(String recipient) {
        return inCompany(() -> jdbc.query("""
                select channel, purpose, subject, body from outbound_messages where recipient = ? and client_id is null
                order by created_at""", (row, n) -> row.getString(1) + " " + row.getString(2) + " " + row.getString(3)
                + " / " + row.getString(4), recipient));
    }

    private <T> T inCompany(java.util.function.Supplier<T> work) {
        return tenantScope.callAs(acme.id(), () -> transactions.execute(tx -> work.get()));
    }

    private Api.Reply send(String from, String to, String subject, String content) {
        return api.post(MESSAGES, from, Map.of("to", to, "subject", subject, "content", content));
    }

    private long unread(String user) {
        return api.get(NOTIFICATIONS + "/unread-count", user).body().path("unread").asLong();
    }

    private static List<String> ids(JsonNode messages) {
        return java.util.stream.StreamSupport.stream(messages.spliterator(), false)
                .map(message -> message.path("id").asText()).toList();
    }
}
