package io.ispflow.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.clients.ClientDetails;
import io.ispflow.platform.TenantScope;
import io.ispflow.shared.StaffRole;
import io.ispflow.testing.Api;
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.OnboardingFixture;
import io.ispflow.testing.TestCompanies;
import io.ispflow.testing.TestCompanies.TestCompany;

/** Invoices, counter payments, the wallet ledger and receipts through the API. */
@IntegrationTest
class MoneyApiIntegrationTests {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestCompanies testCompanies;
    @Autowired
    OnboardingFixture onboarding;
    @Autowired
    TenantScope tenantScope;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    Api api;
    TestCompany acme;
    TestCompany rival;
    ClientDetails client;
    String finance;

    @BeforeEach
    void aClientOfAcme() {
        api = new Api(http);
        acme = testCompanies.create();
        rival = testCompanies.create();
        client = onboarding.register(acme, "Paying Customer");
        finance = acme.user(StaffRole.BILLING_FINANCE);
    }

    Api.Reply invoice(String total, LocalDate due) {
        var reply = api.post("/api/invoices", finance, Map.of("clientId", client.id(), "total", total,
                "description", "Installation fee", "dueDate", due.toString()));
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        return reply;
    }

    Api.Reply pay(String amount, String method, String reference) {
        var body = new java.util.HashMap<String, Object>(Map.of("clientId", client.id(), "amount", amount, "method", method));
        if (reference != null) {
            body.put("reference", reference);
        }
        return api.post("/api/payments", finance, body);
    }

    BigDecimal balance() {
        return api.get("/api/wallet/" + client.id(), finance).body().path("balance").decimalValue();
    }

    @Test
    void anInvoiceCarriesSixteenPercentVatInsideItsTotal() {
        var invoice = invoice("2999.00", LocalDate.now().plusDays(7)).body();

        assertThat(invoice.path("number").asText()).isEqualTo("INV-000001");
        assertThat(invoice.path("total").decimalValue()).isEqualByComparingTo("2999.00");
        assertThat(invoice.path("vat").decimalValue()).isEqualByComparingTo("413.66");
        assertThat(invoice.path("net").decimalValue()).isEqualByComparingTo("2585.34");
        assertThat(invoice.path("status").asText()).isEqualTo("issued");
    }

    @Test
    void aPaymentSettlesTheOldestInvoiceFirstAndKeepsTheRestAsCredit() {
        String later = invoice("2999.00", LocalDate.now().plusDays(20)).text("id");
        String earlier = invoice("1000.00", LocalDate.now().plusDays(5)).text("id");

        var first = pay("1500", "cash", null);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.text("receiptNumber")).isEqualTo("RCT-000001");
        assertThat(api.get("/api/invoices/" + earlier, finance).text("status")).isEqualTo("paid");
        assertThat(api.get("/api/invoices/" + later, finance).text("status")).isEqualTo("partially_paid");
        assertThat(balance()).isEqualByComparingTo("0.00");

        var second = pay("3000", "bank", "FT2611220001");
        assertThat(second.body().path("settled").get(0).path("amount").decimalValue()).isEqualByComparingTo("2499.00");
        assertThat(api.get("/api/invoices/" + later, finance).text("status")).isEqualTo("paid");
        assertThat(balance()).isEqualByComparingTo("501.00");
        assertLedgerAgreesWithBalance();
    }

    @Test
    void aWalletCreditPaysOpenInvoicesAndIsOnRecordWithItsReason() {
        invoice("800.00", LocalDate.now().plusDays(3));

        var wallet = api.post("/api/wallet/credit", finance,
                Map.of("clientId", client.id(), "amount", "1000.00", "reason", "Outage compensation, 3 days"));

        assertThat(wallet.status()).isEqualTo(200);
        assertThat(wallet.body().path("balance").decimalValue()).isEqualByComparingTo("200.00");
        assertThat(wallet.body().path("entries").get(0).path("description").asText())
                .contains("Outage compensation").isNotNull();
        assertThat(wallet.body().path("entries").get(0).path("createdBy").asText()).isEqualTo(finance);
        assertThat(wallet.body().path("entries")).hasSize(2);
        assertLedgerAgreesWithBalance();
    }

    @Test
    void theLedgerRefusesEditsAndDeletions() {
        pay("500", "cash", null);
        assertThatThrownBy(() -> asAcme(() -> jdbc.update(
                "update wallet_transactions set amount = 1 where client_id = ?", client.id())))
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> asAcme(() -> jdbc.update(
                "delete from wallet_transactions where client_id = ?", client.id())))
                .rootCause().hasMessageContaining("append-only");
    }

    @Test
    void aBankReferenceIsCreditedOnce() {
        assertThat(pay("700", "bank", "FT2611229999").status()).isEqualTo(201);
        var again = pay("700", "bank", "FT2611229999");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("type")).endsWith("/duplicate-payment");
        assertThat(balance()).isEqualByComparingTo("700.00");
    }

    @Test
    void theReceiptIsAPdfWithTheReceiptNumberClientAndAmount() throws Exception {
        invoice("1000.00", LocalDate.now().plusDays(5));
        String paymentId = pay("1200", "cash", null).text("id");

        var headers = new HttpHeaders();
        headers.setBasicAuth(acme.user(StaffRole.CUSTOMER_SUPPORT), TestCompanies.PASSWORD);
        var pdf = http.exchange("/api/payments/" + paymentId + "/receipt", HttpMethod.GET, new HttpEntity<>(headers),
                byte[].class);

        assertThat(pdf.getStatusCode().value()).isEqualTo(200);
        assertThat(pdf.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
        String text = new PdfTextExtractor(new PdfReader(pdf.getBody())).getTextFromPage(1);
        assertThat(text).contains("RCT-000001", "Paying Customer", client.accountNumber(), "KES 1,200.00",
                "INV-000001", "KES 200.00");
    }

    @Test
    void paymentHistoryListsNewestFirstWithWhatTheyPaid() {
        invoice("1000.00", LocalDate.now().plusDays(5));
        pay("400", "cash", null);
        pay("600", "cash", null);

        var history = api.get("/api/payments/history?clientId=" + client.id(), acme.user(StaffRole.CUSTOMER_SUPPORT));

        assertThat(history.body().path("content")).hasSize(2);
        assertThat(history.body().path("content").get(0).path("receiptNumber").asText()).isEqualTo("RCT-000002");
        assertThat(history.body().path("content").get(0).path("settled").get(0).path("invoiceNumber").asText())
                .isEqualTo("INV-000001");
    }

    @Test
    void badInputIsRefusedWithTheFields() {
        var reply = api.post("/api/invoices", finance, Map.of("total", "-3", "description", " ",
                "dueDate", "2020-01-01"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().findValuesAsText("field")).contains("clientId", "total", "description", "dueDate");

        var noReason = api.post("/api/wallet/credit", finance, Map.of("clientId", client.id(), "amount", "10"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().findValuesAsText("field")).containsExactly("reason");
    }

    @Test
    void anotherCompanysStaffSeeAndTouchNothing() {
        String invoiceId = invoice("1000.00", LocalDate.now().plusDays(5)).text("id");
        String paymentId = pay("100", "cash", null).text("id");
        String outsider = rival.user(StaffRole.BILLING_FINANCE);

        assertThat(api.get("/api/invoices/" + invoiceId, outsider).status()).isEqualTo(404);
        var outsidersList = api.get("/api/invoices?clientId=" + client.id(), outsider);
        assertThat(outsidersList.status()).isEqualTo(200);
        assertThat(outsidersList.body().path("page").path("totalElements").asInt()).isZero();
        var ownList = api.get("/api/invoices?clientId=" + client.id(), finance);
        assertThat(ownList.status()).isEqualTo(200);
        assertThat(ownList.body().path("content").findValuesAsText("id")).containsExactly(invoiceId);
        assertThat(api.get("/api/invoices?status=paid", finance).body().path("page").path("totalElements").asInt())
                .isZero();
        assertThat(api.get("/api/payments/" + paymentId, outsider).status()).isEqualTo(404);
        assertThat(api.get("/api/payments/" + paymentId + "/receipt", outsider).status()).isEqualTo(404);
        var outsidersHistory = api.get("/api/payments/history", outsider);
        assertThat(outsidersHistory.status()).isEqualTo(200);
        assertThat(outsidersHistory.body().path("page").path("totalElements").asInt()).isZero();
        assertThat(api.get("/api/wallet/" + client.id(), outsider).status()).isEqualTo(404);
        assertThat(api.post("/api/wallet/credit", outsider, Map.of("clientId", client.id(), "amount", "50",
                "reason", "smuggled")).status()).isEqualTo(404);
        assertThat(api.post("/api/invoices", outsider, Map.of("clientId", client.id(), "total", "50",
                "description", "smuggled", "dueDate", LocalDate.now().plusDays(1).toString())).status()).isEqualTo(404);
        assertThat(api.post("/api/payments", outsider, Map.of("clientId", client.id(), "amount", "50",
                "method", "cash")).status()).isEqualTo(404);
        assertThat(balance()).isEqualByComparingTo("0.00");
    }

    @Test
    void rolesDecideWhoMayDoWhatWithMoney() {
        assertThat(api.get("/api/invoices", acme.user(StaffRole.HOTSPOT_ADMIN)).status()).isEqualTo(403);
        assertThat(api.get("/api/payments/history", acme.user(StaffRole.SALES_ACCOUNT_MANAGER)).status()).isEqualTo(403);
        assertThat(api.post("/api/invoices", acme.user(StaffRole.CUSTOMER_SUPPORT), Map.of("clientId", client.id(),
                "total", "50", "description", "x", "dueDate", LocalDate.now().toString())).status()).isEqualTo(403);
        assertThat(api.post("/api/wallet/credit", acme.user(StaffRole.ISP_ADMIN), Map.of("clientId", client.id(),
                "amount", "50", "reason", "x")).status()).isEqualTo(403);
        assertThat(api.post("/api/payments", acme.user(StaffRole.CUSTOMER_SUPPORT), Map.of("clientId", client.id(),
                "amount", "50", "method", "cash")).status()).isEqualTo(403);
        assertThat(api.get("/api/wallet/" + client.id(), acme.user(StaffRole.CUSTOMER_SUPPORT)).status()).isEqualTo(200);
    }

    private void assertLedgerAgreesWithBalance() {
        var sums = asAcme(() -> jdbc.queryForMap("""
                select coalesce(sum(case when transaction_type in ('credit', 'payment') then amount else -amount end), 0) as ledger,
                       (select balance from wallet_balances where client_id = ?) as balance,
                       (select balance_after from wallet_transactions where client_id = ? order by entry_no desc limit 1) as last
                from wallet_transactions where client_id = ?""", client.id(), client.id(), client.id()));
        assertThat((BigDecimal) sums.get("ledger")).isEqualByComparingTo((BigDecimal) sums.get("balance"))
                .isEqualByComparingTo((BigDecimal) sums.get("last"));
    }

    private <T> T asAcme(java.util.function.Supplier<T> work) {
        return tenantScope.callAs(acme.id(), () -> transactions.execute(tx -> work.get()));
    }
}
