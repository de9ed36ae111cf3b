package io.ispflow.payments.reconciliation;

import static io.ispflow.payments.reconciliation.ReconciliationVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.billing.Invoicing;
import io.ispflow.billing.NewInvoice;
import io.ispflow.clients.ClientDetails;
import io.ispflow.clients.ClientDirectory;
import io.ispflow.clients.ClientLifecycle;
import io.ispflow.clients.ClientStatus;
import io.ispflow.payments.mpesa.MpesaCallbackInbox;
import io.ispflow.payments.mpesa.MpesaSettings;
import io.ispflow.payments.mpesa.UpdateMpesaSettings;
import io.ispflow.platform.TenantScope;
import io.ispflow.platform.inbox.InboxDispatcher;
import io.ispflow.shared.StaffRole;
import io.ispflow.testing.DueJobs;
import io.ispflow.testing.FullProcessCoverage;
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.OnboardingFixture;
import io.ispflow.testing.PaymentsFixture;
import io.ispflow.testing.TestCompanies;
import io.ispflow.testing.TestCompanies.TestCompany;

/** Every path of paymentReconciliation, from the M-PESA callback to the wallet, invoices and client. */
@IntegrationTest
@Tag("own-context")
@Import(FullProcessCoverage.class)
class PaymentReconciliationProcessIntegrationTests {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    DueJobs dueJobs;
    @Autowired
    InboxDispatcher dispatcher;
    @Autowired
    TestCompanies testCompanies;
    @Autowired
    OnboardingFixture onboarding;
    @Autowired
    MpesaSettings settings;
    @Autowired
    MpesaCallbackInbox inbox;
    @Autowired
    Invoicing invoicing;
    @Autowired
    PaymentsFixture paymentsFixture;
    @Autowired
    TenantScope tenantScope;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ClientDirectory clients;
    @Autowired
    ClientLifecycle lifecycle;

    TestCompany acme;
    ClientDetails client;
    String token;

    @BeforeEach
    void acmeWithAnInvoicedClient() {
        init(engine);
        acme = testCompanies.create();
        client = onboarding.register(acme, "Mobile Payer");
        token = tenantScope.callAs(acme.id(), () -> settings.save(new UpdateMpesaSettings("174379", null, "k", "s", "p",
                "sandbox", true))).callbackPath().replace("/api/payments/mpesa/callback/", "");
        tenantScope.runAs(acme.id(), () -> invoicing.issue(new NewInvoice(client.id(), new BigDecimal("1000.00"),
                "Monthly service", null, null, LocalDate.now().plusDays(7)), "test"));
    }

    String prompted(String amount) {
        String checkout = "ws_CO_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        sql("""
                insert into mpesa_stk_requests (checkout_request_id, client_id, phone, amount, account_reference,
                                                requested_by, isp_company_id)
                values (?, ?, '+254712345678', ?, ?, 'test', ?)""",
                checkout, client.id(), new BigDecimal(amount), client.accountNumber(), acme.id());
        return checkout;
    }

    static String callback(String checkout, Object resultCode, String amount, String receipt) {
        String metadata = amount == null ? "" : """
                , "CallbackMetadata": {"Item": [{"Name": "Amount", "Value": %s}, {"Name": "MpesaReceiptNumber", "Value": "%s"},
                  {"Name": "Balance"}, {"Name": "TransactionDate", "Value": 20261122102115}, {"Name": "PhoneNumber", "Value": 254712345678}]}"""
                .formatted(amount, receipt);
        return """
                {"Body": {"stkCallback": {"MerchantRequestID": "29115-34620561-1", "CheckoutRequestID": "%s",
                 "ResultCode": %s, "ResultDesc": "result"%s}}}""".formatted(checkout,
                resultCode instanceof String s ? "\"" + s + "\"" : resultCode, metadata);
    }

    ProcessInstance deliver(String body) {
        UUID callbackId = inbox.acceptStkCallback(token, body, "127.0.0.1");
        dispatcher.dispatchPending();
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .variableValueEquals(CALLBACK_ID, callbackId.toString()).singleResult();
    }

    void runJobs(ProcessInstance process) {
        dueJobs.ofProcessInstance(process.getId());
    }

    String receipt() {
        return "TKM" + UUID.randomUUID().toString().replace("-", "").substring(0, 7).toUpperCase();
    }

    long count(String sql, Object... args) {
        return tenantScope.callAs(acme.id(), () -> transactions.execute(tx -> jdbc.queryForObject(sql, Long.class, args)));
    }

    void sql(String sql, Object... args) {
        tenantScope.runAs(acme.id(), () -> transactions.executeWithoutResult(tx -> jdbc.update(sql, args)));
    }

    UUID storedRowOf(String mpesaReceipt) {
        return tenantScope.callAs(acme.id(), () -> transactions.execute(tx -> jdbc.queryForObject(
                "select id from mpesa_callbacks where mpesa_receipt_number = ?", UUID.class, mpesaReceipt)));
    }

    /** A paybill confirmation as the intake stores it, already handed to reconciliation. */
    UUID storedPaybillPayment(String mpesaReceipt, String amount, String account) {
        return tenantScope.callAs(acme.id(), () -> transactions.execute(tx -> jdbc.queryForObject("""
                insert into mpesa_callbacks (kind, result_code, result_description, mpesa_receipt_number, amount,
                    bill_reference, payload, isp_company_id, dispatched_at)
                values ('c2b_confirmation', '0', 'Paybill payment', ?, ?, ?, '{}'::jsonb, ?, now()) returning id""",
                UUID.class, mpesaReceipt, new BigDecimal(amount), account, acme.id())));
    }

    @Test
    void aReconciliationStartedWithMadeUpValuesCreditsNothingAndIsRecorded() {
        String mpesaReceipt = receipt();
        UUID stored = storedPaybillPayment(mpesaReceipt, "100.00", client.accountNumber());

        for (var forged : java.util.List.of(
                Map.<String, Object>of(CALLBACK_ID, UUID.randomUUID().toString(), CHANNEL, MPESA_PAYBILL,
                        OUTCOME, PAID, RECEIPT, receipt(), AMOUNT, "50000.00",
                        ACCOUNT_REFERENCE, client.accountNumber()),
                Map.<String, Object>of(CALLBACK_ID, stored.toString(), CHANNEL, MPESA_PAYBILL, OUTCOME, PAID,
                        RECEIPT, mpesaReceipt, AMOUNT, "50000.00",
                        ACCOUNT_REFERENCE, client.accountNumber()),
                Map.<String, Object>of(CALLBACK_ID, stored.toString(), CHANNEL, BANK, OUTCOME, PAID,
                        BANK_REFERENCE, "FT-FORGED", AMOUNT, "100.00", ACCOUNT_REFERENCE, client.accountNumber()),
                Map.<String, Object>of(CALLBACK_ID, stored.toString(), CHANNEL, MPESA_PAYBILL, OUTCOME, FAILED,
                        RESULT_CODE, "1032", RECEIPT, mpesaReceipt, AMOUNT, "100.00",
                        ACCOUNT_REFERENCE, client.accountNumber()))) {
            ProcessInstance process = tenantScope.callAs(acme.id(), () -> runtimeService
                    .createProcessInstanceByKey(PROCESS_KEY).setVariables(forged).execute());
            runJobs(process);

            assertThat(process).isEnded().hasPassed("Boundary_NotOnRecord", "End_NotOnRecord")
                    .hasNotPassed("Task_CreditWallet");
        }
        assertThat(count("select count(*) from payments where client_id = ?", client.id())).isZero();
        assertThat(count("select count(*) from wallet_transactions where client_id = ?", client.id())).isZero();
        Long recorded = tenantScope.callPlatformWide(() -> transactions.execute(tx -> jdbc.queryForObject("""
                select count(*) from security_events where kind = 'reconciliation_not_on_record'
                and isp_company_id = ? and detail like ?""", Long.class, acme.id(), "%" + stored + "%")));
        assertThat(recorded).isEqualTo(3);
    }

    @Test
    void aPaidStkPushIsCreditedSettlesTheInvoiceAndSendsAReceipt() {
        String mpesaReceipt = receipt();
        ProcessInstance process = deliver(callback(prompted("1500.00"), 0, "1500.00", mpesaReceipt));
        assertThat(process).isStarted().isNotEnded();
        assertThat(process.getTenantId()).isEqualTo(acme.id().toString());

        runJobs(process);

        assertThat(process).isEnded().hasPassed("Task_CreditWallet", "Task_SendReceipt", "End_PaymentReconciled");
        assertThat(count("select count(*) from payments where mpesa_receipt_number = ? and amount = 1500", mpesaReceipt))
                .isEqualTo(1);
        assertThat(count("select count(*) from invoices where client_id = ? and status = 'paid'", client.id())).isEqualTo(1);
        assertThat(count("select count(*) from wallet_balances where client_id = ? and balance = 500", client.id()))
                .isEqualTo(1);
        assertThat(count("select count(*) from outbound_messages where client_id = ? and purpose = 'payment_receipt'",
                client.id())).isEqualTo(1);
        assertThat(count("select count(*) from mpesa_callbacks where mpesa_receipt_number = ? and status = 'processed'",
                mpesaReceipt)).isEqualTo(1);
    }

    @Test
    void aCancelledPushCreditsNothingAndTellsThePayerWhyInPlainWords() {
        String checkout = prompted("1000.00");
        ProcessInstance process = deliver(callback(checkout, 1032, null, null));
        runJobs(process);

        assertThat(process).isEnded().hasPassed("Task_ExplainFailure", "End_PaymentFailed");
        assertThat(count("select count(*) from payments where client_id = ?", client.id())).isZero();
        assertThat(count("select count(*) from mpesa_stk_requests where checkout_request_id = ? and status = 'failed'",
                checkout)).isEqualTo(1);
        assertThat(count("select count(*) from outbound_messages where client_id = ? and body like ?", client.id(),
                "%you cancelled the request on your phone%")).isEqualTo(1);
    }

    @Test
    void eachFailureCodeIsExplained() {
        assertThat(MpesaResultTexts.plainWords("1037")).contains("could not be reached");
        assertThat(MpesaResultTexts.plainWords("2001")).contains("PIN was wrong");
        assertThat(MpesaResultTexts.plainWords("1")).contains("balance was not enough");
        assertThat(MpesaResultTexts.plainWords("SFC_IC0003")).contains("could not complete");
    }

    @Test
    void aReceiptAlreadyCreditedIsIgnored() {
        String mpesaReceipt = receipt();
        runJobs(deliver(callback(prompted("300.00"), 0, "300.00", mpesaReceipt)));
        ProcessInstance second = deliver(callback(prompted("300.00"), 0, "300.00", mpesaReceipt));

        runJobs(second);

        assertThat(second).isEnded().hasPassed("Task_CloseDuplicate", "End_DuplicateIgnored");
        assertThat(count("select count(*) from wallet_transactions where mpesa_receipt_number = ?", mpesaReceipt))
                .isEqualTo(1);
    }

    @Test
    void aReceiptCreditedBetweenTheCheckAndTheCreditIsIgnoredToo() {
        String mpesaReceipt = receipt();
        runJobs(deliver(callback(prompted("200.00"), 0, "200.00", mpesaReceipt)));

        ProcessInstance raced = tenantScope.callAs(acme.id(), () -> runtimeService
                .createProcessInstanceByKey(PROCESS_KEY).startBeforeActivity("Task_CreditWallet")
                .setVariables(Map.of(CALLBACK_ID, storedRowOf(mpesaReceipt).toString(), OUTCOME, PAID,
                        RECEIPT, mpesaReceipt, AMOUNT, "200.00", CLIENT_ID, client.id().toString(),
                        DUPLICATE, false))
                .execute());

        assertThat(raced).isEnded().hasPassed("Boundary_AlreadyCredited", "End_DuplicateIgnored");
        assertThat(count("select count(*) from payments where mpesa_receipt_number = ?", mpesaReceipt)).isEqualTo(1);
    }

    @Test
    void anUnmatchedPaymentWaitsForFinanceWhoNamesTheAccount() {
        String mpesaReceipt = receipt();
        UUID stored = storedPaybillPayment(mpesaReceipt, "1000.00", "NO-SUCH");
        ProcessInstance process = tenantScope.callAs(acme.id(), () -> runtimeService
                .createProcessInstanceByKey(PROCESS_KEY)
                .setVariables(Map.of(CALLBACK_ID, stored.toString(), CHANNEL, MPESA_PAYBILL,
                        OUTCOME, PAID, RECEIPT, mpesaReceipt, AMOUNT, "1000.00",
                        PHONE, "+254799000111", ACCOUNT_REFERENCE, "NO-SUCH"))
                .execute());
        runJobs(process);
        assertThat(process).isWaitingAt("Task_AssignUnmatched");
        var task = taskService.createTaskQuery().processInstanceId(process.getId()).singleResult();
        assertThat(task).hasCandidateGroup("billing_finance");

        onboarding.complete(task, acme, StaffRole.BILLING_FINANCE, Map.of(CLIENT_ACCOUNT_NUMBER, "999999"));
        assertThat(process).isWaitingAt("Task_AssignUnmatched");
        assertThat((String) runtimeService.getVariable(process.getId(), MATCH_PROBLEM)).contains("999999");

        task = taskService.createTaskQuery().processInstanceId(process.getId()).singleResult();
        onboarding.complete(task, acme, StaffRole.BILLING_FINANCE, Map.of(CLIENT_ACCOUNT_NUMBER, client.accountNumber()));
        runJobs(process);

        assertThat(process).isEnded().hasPassed("Task_LookUpAssignedAccount", "Task_CreditWallet");
        assertThat(count("select count(*) from invoices where client_id = ? and status = 'paid'", client.id())).isEqualTo(1);
    }

    @Test
    void aSuspendedClientWhoPaysUpIsReactivated() {
        for (String status : new String[] {"approved", "active", "suspended"}) {
            sql("update clients set status = ? where id = ?", status, client.id());
        }
        String mpesaReceipt = receipt();
        ProcessInstance process = deliver(callback(prompted("1000.00"), 0, "1000.00", mpesaReceipt));

        runJobs(process);

        assertThat(process).isEnded().hasPassed("Task_CreditWallet", "Task_SendReceipt");
        // clients decide on PaymentCredited, after the credit committed
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(statusOf(client))
                .isEqualTo(ClientStatus.ACTIVE));
        var reactivation = tenantScope.callAs(acme.id(), () -> lifecycle.history(client.id())).stream()
                .filter(change -> change.to() == ClientStatus.ACTIVE && change.from() == ClientStatus.SUSPENDED)
                .toList();
        assertThat(reactivation).singleElement().satisfies(change -> {
            assertThat(change.changedBy()).isEqualTo("payments");
            assertThat(change.reason()).isEqualTo("Paid: M-PESA " + mpesaReceipt);
        });
        assertThat(count("select count(*) from network_events where client_id = ? and event_type = 'service_reactivated'",
                client.id())).isEqualTo(1);
    }

    @Test
    void aSuspendedClientWhoStillOwesStaysSuspended() {
        for (String status : new String[] {"approved", "active", "suspended"}) {
            sql("update clients set status = ? where id = ?", status, client.id());
        }
        ProcessInstance process = deliver(callback(prompted("400.00"), 0, "400.00", receipt()));

        runJobs(process);

        assertThat(process).isEnded().hasPassed("Task_CreditWallet", "Task_SendReceipt");
        String published = "select count(*) from event_publication where event_type like '%PaymentCredited'"
                + " and serialized_event like ?";
        // one event, kept once per listening module (clients, renewals)
        assertThat(count("select count(distinct serialized_event) from event_publication"
                + " where event_type like '%PaymentCredited' and serialized_event like ?", "%" + client.id() + "%"))
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> count(published + " and completion_date is null",
                "%" + client.id() + "%") == 0);
        assertThat(statusOf(client)).isEqualTo(ClientStatus.SUSPENDED);
    }

    ClientStatus statusOf(ClientDetails someone) {
        return tenantScope.callAs(acme.id(), () -> clients.find(someone.id()).orElseThrow().status());
    }

    /** A push confirmed by a status query (no receipt) after a paybill payment of the same amount. */
    ProcessInstance queriedPushAfterAPaybillPaymentOfTheSameAmount() {
        String paybillReceipt = receipt();
        ProcessInstance process = paymentsFixture.possibleDoublePayment(acme, client, "1000.00", paybillReceipt);
        assertThat(process).isWaitingAt("Task_ReviewPossibleDouble");
        assertThat(task(process)).hasCandidateGroup("billing_finance");
        assertThat((String) runtimeService.getVariable(process.getId(), POSSIBLY_SAME_MPESA_RECEIPT))
                .isEqualTo(paybillReceipt);
        return process;
    }

    @Test
    void financeJoinsAPaymentToldTwiceToTheOneCredited() {
        ProcessInstance process = queriedPushAfterAPaybillPaymentOfTheSameAmount();

        onboarding.complete(task(process), acme, StaffRole.BILLING_FINANCE, Map.of(SAME_MONEY, "same"));

        assertThat(process).isEnded().hasPassed("Task_JoinToCredited", "End_JoinedToCredited");
        assertThat(count("select count(*) from payments where client_id = ?", client.id())).isEqualTo(1);
        assertThat(count("select count(*) from payments where client_id = ? and reference_number = ?", client.id(),
                historyVariable(process, CHECKOUT_REQUEST_ID))).as("the push joined to the paybill payment").isEqualTo(1);
        assertThat(count("select count(*) from mpesa_stk_requests where client_id = ? and status = 'completed'",
                client.id())).isEqualTo(1);
    }

    @Test
    void financeCreditsASeparatePaymentAsWell() {
        ProcessInstance process = queriedPushAfterAPaybillPaymentOfTheSameAmount();

        onboarding.complete(task(process), acme, StaffRole.BILLING_FINANCE, Map.of(SAME_MONEY, "separate"));
        runJobs(process);

        assertThat(process).isEnded().hasPassed("Task_CreditWallet", "Task_SendReceipt", "End_PaymentReconciled");
        assertThat(count("select count(*) from payments where client_id = ?", client.id())).isEqualTo(2);
        assertThat(count("select count(*) from wallet_transactions where client_id = ? and transaction_type = 'payment'",
                client.id())).isEqualTo(2);
    }

    org.camunda.bpm.engine.task.Task task(ProcessInstance process) {
        return taskService.createTaskQuery().processInstanceId(process.getId()).singleResult();
    }

    String historyVariable(ProcessInstance process, String name) {
        return (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(process.getId()).variableName(name).singleResult().getValue();
    }
}
