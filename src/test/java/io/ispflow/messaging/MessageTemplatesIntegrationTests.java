package io.ispflow.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.platform.TenantScope;
import io.ispflow.shared.Language;
import io.ispflow.shared.Msisdn;
import io.ispflow.shared.StaffRole;
import io.ispflow.testing.Api;
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.TestCompanies;
import io.ispflow.testing.TestCompanies.TestCompany;

/**
 * A company words its client messages its own way, per purpose and language, checked when saved; its
 * clients read that wording, other companies keep theirs; staff record opt-outs on a client's word.
 */
@IntegrationTest
class MessageTemplatesIntegrationTests {

    static final String RECEIPT = "/api/messaging/templates/payment_received/";
    static final Map<String, Object> PAID = Map.of("name", "Akinyi", "amount", new BigDecimal("500.00"),
            "paidBy", "M-PESA 254712345678", "receipt", "QK12AB34CD", "account", "ACM-0003");

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestCompanies testCompanies;
    @Autowired
    ClientMessages messages;
    @Autowired
    TenantScope tenantScope;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    Api api;
    TestCompany acme;
    TestCompany savanna;

    @BeforeEach
    void twoCompanies() {
        api = new Api(http);
        acme = testCompanies.create();
        savanna = testCompanies.create();
    }

    @Test
    void everyPurposeIsListedInBothLanguagesWithItsPlaceholdersAndWhatItCosts() {
        var list = api.get("/api/messaging/templates", acme.user(StaffRole.CUSTOMER_SUPPORT));

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).hasSize(MessagePurpose.values().length * Language.values().length);
        var receipt = api.get(RECEIPT + "sw", acme.user(StaffRole.BILLING_FINANCE)).body();
        assertThat(receipt.get("body").asText()).startsWith("Asante {name}! Tumepokea KES {amount}");
        assertThat(receipt.get("companyWording").asBoolean()).isFalse();
        assertThat(receipt.get("placeholders").toString()).isEqualTo("[\"account\",\"amount\",\"name\",\"paidBy\",\"receipt\"]");
        assertThat(receipt.get("sample").get("text").asText()).startsWith("Asante Wanjiku! Tumepokea KES 500.00");
        assertThat(receipt.get("sample").get("encoding").asText()).isEqualTo("GSM-7");
        assertThat(receipt.get("sample").get("segments").asInt()).isEqualTo(1);
    }

    @Test
    void aCompanysOwnWordingIsWhatItsClientsReadAndOnlyItsClients() {
        var saved = api.put(RECEIPT + "en", acme.user(StaffRole.ISP_ADMIN),
                Map.of("body", "ACME: KES {amount} received from {paidBy}, receipt {receipt}. Karibu {name}! 🙏"));

        assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
        assertThat(saved.body().get("companyWording").asBoolean()).isTrue();
        assertThat(saved.text("updatedBy")).isEqualTo(acme.user(StaffRole.ISP_ADMIN));
        assertThat(saved.body().get("sample").get("encoding").asText()).as("the emoji needs UCS-2").isEqualTo("UCS-2");

        assertThat(receiptIn(acme)).isEqualTo("ACME: KES 500.00 received from M-PESA 254712345678, receipt QK12AB34CD."
                + " Karibu Akinyi! 🙏");
        assertThat(receiptIn(savanna)).startsWith("Asante Akinyi! We received KES 500.00");
        assertThat(api.get(RECEIPT + "en", savanna.user(StaffRole.ISP_ADMIN)).body().get("companyWording").asBoolean())
                .isFalse();

        var reset = api.delete(RECEIPT + "en", acme.user(StaffRole.ISP_ADMIN));
        assertThat(reset.status()).isEqualTo(200);
        assertThat(receiptIn(acme)).startsWith("Asante Akinyi! We received KES 500.00");
    }

    @Test
    void aTemplateNamingWhatItsPurposeDoesNotHaveIsRefusedAndNothingIsSaved() {
        var wrong = api.put(RECEIPT + "en", acme.user(StaffRole.ISP_ADMIN),
                Map.of("body", "Thanks {firstName}, {amount} received", "subject", "Receipt {invoiceNumber"));

        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body().get("errors").toString()).contains("{firstName} is no placeholder of payment_received")
                .contains("\"field\":\"subject\"").contains("a brace is not part of a {placeholder}");
        assertThat(api.put(RECEIPT + "en", acme.user(StaffRole.ISP_ADMIN), Map.of("body", "")).status()).isEqualTo(400);
        assertThat(api.put(RECEIPT + "en", acme.user(StaffRole.ISP_ADMIN), Map.of("body", "x".repeat(1001))).status())
                .isEqualTo(400);
        assertThat(api.put("/api/messaging/templates/loyalty_bonus/en", acme.user(StaffRole.ISP_ADMIN),
                Map.of("body", "Thanks")).status()).isEqualTo(404);
        assertThat(api.put(RECEIPT + "fr", acme.user(StaffRole.ISP_ADMIN), Map.of("body", "Merci")).status())
                .isEqualTo(404);
        assertThat(inCompany(acme, () -> jdbc.queryForObject("select count(*) from message_templates", Long.class)))
                .isZero();
    }

    @Test
    void onlyAdministratorsChangeTheWordingAndSalesDoNotReadIt() {
        assertThat(api.put(RECEIPT + "en", acme.user(StaffRole.CUSTOMER_SUPPORT), Map.of("body", "Thanks {name}"))
                .status()).isEqualTo(403);
        assertThat(api.delete(RECEIPT + "en", acme.user(StaffRole.BILLING_FINANCE)).status()).isEqualTo(403);
        assertThat(api.get("/api/messaging/templates", acme.user(StaffRole.SALES_ACCOUNT_MANAGER)).status())
                .isEqualTo(403);
        assertThat(api.get("/api/messaging/templates", null).status()).isEqualTo(401);
    }

    @Test
    void staffRecordAnOptOutOnAClientsWordAndOnlyTheirCompanySeesIt() {
        var recorded = api.post("/api/messaging/opt-outs", acme.user(StaffRole.CUSTOMER_SUPPORT),
                Map.of("channel", "sms", "recipient", "0712 345 678"));

        assertThat(recorded.status()).as(recorded.body().toString()).isEqualTo(201);
        assertThat(recorded.body().get(0).get("recipient").asText()).isEqualTo("+254712345678");
        assertThat(recorded.body().get(0).get("source").asText()).isEqualTo("staff");
        assertThat(api.get("/api/messaging/opt-outs", savanna.user(StaffRole.ISP_ADMIN)).body()).isEmpty();
        assertThat(api.post("/api/messaging/opt-outs", acme.user(StaffRole.SALES_ACCOUNT_MANAGER),
                Map.of("channel", "sms", "recipient", "0712345678")).status()).isEqualTo(403);
        assertThat(api.post("/api/messaging/opt-outs", acme.user(StaffRole.CUSTOMER_SUPPORT),
                Map.of("channel", "sms", "recipient", "not a phone")).status()).isEqualTo(400);
        assertThat(api.post("/api/messaging/opt-outs", acme.user(StaffRole.CUSTOMER_SUPPORT),
                Map.of("channel", "fax", "recipient", "0712345678")).status()).isEqualTo(400);
        assertThat(api.post("/api/messaging/opt-outs", acme.user(StaffRole.CUSTOMER_SUPPORT),
                Map.of("channel", "email", "recipient", "Wanjiku@Example.co.ke")).body().get(0).get("recipient")
                .asText()).isEqualTo("wanjiku@example.co.ke");

        // Savanna cannot undo Acme's opt-out
        assertThat(api.delete("/api/messaging/opt-outs/sms?recipient=0712345678", savanna.user(StaffRole.ISP_ADMIN))
                .status()).isEqualTo(204);
        assertThat(api.get("/api/messaging/opt-outs?recipient=0712345678", acme.user(StaffRole.ISP_ADMIN)).body())
                .hasSize(1);
        assertThat(api.delete("/api/messaging/opt-outs/sms?recipient=0712345678", acme.user(StaffRole.ISP_ADMIN))
                .status()).isEqualTo(204);
        assertThat(api.get("/api/messaging/opt-outs?recipient=0712345678", acme.user(StaffRole.ISP_ADMIN)).body())
                .isEmpty();
    }

    private String receiptIn(TestCompany company) {
        return inCompany(company, () -> messages.text(null, Msisdn.parse("0712345678"), Language.EN,
                MessagePurpose.PAYMENT_RECEIVED, PAID));
    }

    private <T> T inCompany(TestCompany company, Supplier<T> work) {
        return tenantScope.callAs(company.id(), () -> transactions.execute(tx -> work.get()));
    }
}
