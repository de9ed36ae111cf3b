package io.ispflow.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.clients.ClientDetails;
import io.ispflow.payments.mpesa.MpesaSettings;
import io.ispflow.payments.mpesa.UpdateMpesaSettings;
import io.ispflow.platform.TenantScope;
import io.ispflow.testing.DarajaPayloads;
import io.ispflow.testing.DueJobs;
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.OnboardingFixture;
import io.ispflow.testing.TestCompanies;

/**
 * 2,000 M-PESA payments arrive as Daraja STK callbacks over HTTP from 8 threads, 30% of them delivered
 * twice, half of them also as paybill (C2B) confirmations of the same receipt, all in random order:
 * every receipt is credited exactly once, and ledger, balances and receipts add up.
 */
@IntegrationTest
class CallbackStormIntegrationTests {

    static final int PAYMENTS = 2_000;
    static final int THREADS = 8;
    static final int ALSO_CONFIRMED_BY_PAYBILL = PAYMENTS / 2;

    @LocalServerPort
    int port;
    @Autowired
    TestCompanies testCompanies;
    @Autowired
    OnboardingFixture onboarding;
    @Autowired
    MpesaSettings settings;
    @Autowired
    DueJobs dueJobs;
    @Autowired
    TenantScope tenantScope;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    record Push(String checkout, String receipt, BigDecimal amount, String account) {
    }

    /** One HTTP delivery: an STK callback or the paybill confirmation of the same payment. */
    record Delivery(Push push, boolean paybill) {
    }

    @Test
    void everyReceiptIsCreditedExactlyOnce() throws Exception {
        var company = testCompanies.create();
        List<ClientDetails> clients = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            clients.add(onboarding.register(company, "Storm Client " + i));
        }
        String path = tenantScope.callAs(company.id(), () -> settings.save(new UpdateMpesaSettings("174379", null, "k",
                "s", "p", "sandbox", true))).callbackPath();
        Random random = new Random(42);
        List<Push> pushes = new ArrayList<>();
        tenantScope.runAs(company.id(), () -> transactions.executeWithoutResult(tx -> {
            for (int i = 0; i < PAYMENTS; i++) {
                var push = new Push("ws_CO_STORM" + company.id().toString().substring(0, 8) + i,
                        String.format("S%s%05d", company.id().toString().substring(0, 4).toUpperCase(), i),
                        BigDecimal.valueOf(10 + random.nextInt(5000)).setScale(2),
                        clients.get(i % clients.size()).accountNumber());
                var client = clients.get(i % clients.size());
                jdbc.update("""
                        insert into mpesa_stk_requests (checkout_request_id, client_id, phone, amount, account_reference,
                                                        requested_by, isp_company_id)
                        values (?, ?, '+254712345678', ?, ?, 'storm', ?)""",
                        push.checkout(), client.id(), push.amount(), client.accountNumber(), company.id());
                pushes.add(push);
            }
        }));
        String paybill = path.replace("/api/payments/mpesa/callback/", "/api/payments/paybill/") + "/confirmation";
        List<Delivery> deliveries = new ArrayList<>();
        pushes.forEach(push -> deliveries.add(new Delivery(push, false)));
        pushes.subList(0, PAYMENTS * 3 / 10).forEach(push -> deliveries.add(new Delivery(push, false)));
        pushes.subList(PAYMENTS - ALSO_CONFIRMED_BY_PAYBILL, PAYMENTS)
                .forEach(push -> deliveries.add(new Delivery(push, true)));
        Collections.shuffle(deliveries, random);

        var failures = new ConcurrentLinkedQueue<String>();
        HttpClient http = HttpClient.newHttpClient();
        ExecutorService senders = Executors.newFixedThreadPool(THREADS);
        for (Delivery delivery : deliveries) {
            senders.submit(() -> {
                var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                + (delivery.paybill() ? paybill : path)))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(delivery.paybill() ? confirmation(delivery.push())
                                : callback(delivery.push()))).build();
                try {
                    var response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        failures.add(response.statusCode() + " " + response.body());
                    }
                } catch (Exception e) {
                    failures.add(e.toString());
                }
            });
        }
        senders.shutdown();
        assertThat(senders.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
        assertThat(failures).isEmpty();

        dueJobs.ofTenant(company.id().toString());

        BigDecimal expected = pushes.stream().map(Push::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        var totals = tenantScope.callAs(company.id(), () -> transactions.execute(tx -> jdbc.queryForMap("""
                select (select count(*) from payments where payment_method = 'mpesa') as payments,
                       (select count(distinct mpesa_receipt_number) from wallet_transactions
                         where transaction_type = 'payment') as credited_receipts,
                       (select count(*) from wallet_transactions where transaction_type = 'payment') as credits,
                       (select coalesce(sum(amount), 0) from wallet_transactions where transaction_type = 'payment') as paid_in,
                       (select coalesce(sum(case when transaction_type in ('credit', 'payment') then amount else -amount end), 0)
                          from wallet_transactions) as ledger,
                       (select coalesce(sum(balance), 0) from wallet_balances) as balances,
                       (select coalesce(sum(amount), 0) from payment_allocations) as settled,
                       (select count(*) from mpesa_callbacks where status = 'processed') as processed,
                       (select count(*) from mpesa_stk_requests where status = 'completed') as pushes_completed,
                       (select count(*) from payments where reference_number is null) as payments_without_push""")));
        assertThat(((Number) totals.get("payments")).intValue()).isEqualTo(PAYMENTS);
        assertThat(((Number) totals.get("credits")).intValue()).isEqualTo(PAYMENTS);
        assertThat(((Number) totals.get("credited_receipts")).intValue()).isEqualTo(PAYMENTS);
        assertThat((BigDecimal) totals.get("paid_in")).isEqualByComparingTo(expected);
        assertThat((BigDecimal) totals.get("ledger")).isEqualByComparingTo((BigDecimal) totals.get("balances"));
        assertThat(((BigDecimal) totals.get("balances")).add((BigDecimal) totals.get("settled")))
                .isEqualByComparingTo(expected);
        assertThat(((Number) totals.get("processed")).intValue()).isEqualTo(PAYMENTS + ALSO_CONFIRMED_BY_PAYBILL);
        assertThat(((Number) totals.get("pushes_completed")).intValue()).isEqualTo(PAYMENTS);
        assertThat(((Number) totals.get("payments_without_push")).intValue())
                .as("a paybill confirmation credited first is joined to its push").isZero();
    }

    private static String confirmation(Push push) {
        return """
                {"TransactionType": "Pay Bill", "TransID": "%s", "TransTime": "20261122102115", "TransAmount": "%s",
                 "BusinessShortCode": "174379", "BillRefNumber": "%s", "InvoiceNumber": "", "OrgAccountBalance": "",
                 "ThirdPartyTransID": "", "MSISDN": "2547 ***** 678", "FirstName": "STORM", "MiddleName": "",
                 "LastName": ""}""".formatted(push.receipt(), push.amount().toPlainString(), push.account());
    }

    static String callback(Push push) {
        return DarajaPayloads.stkSuccess(push.checkout(), push.receipt(), push.amount());
    }
}
