package io.ispflow.testing;

import java.math.BigDecimal;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.clients.ClientDetails;
import io.ispflow.payments.mpesa.MpesaSettings;
import io.ispflow.payments.PaymentMethod;
import io.ispflow.payments.Payments;
import io.ispflow.payments.ReceivePayment;
import io.ispflow.payments.mpesa.UpdateMpesaSettings;
import io.ispflow.payments.mpesa.StkQueryAnswer;
import io.ispflow.payments.mpesa.MpesaCallbackInbox;
import io.ispflow.platform.inbox.InboxDispatcher;
import io.ispflow.platform.TenantScope;
import io.ispflow.testing.TestCompanies.TestCompany;

/** Payment situations that take several steps to reach, for process and browser tests. */
@Component
public class PaymentsFixture {

    private final Payments payments;
    private final MpesaSettings settings;
    private final MpesaCallbackInbox inbox;
    private final InboxDispatcher dispatcher;
    private final RuntimeService runtimeService;
    private final DueJobs dueJobs;
    private final TenantScope tenantScope;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    PaymentsFixture(Payments payments, MpesaSettings settings, MpesaCallbackInbox inbox, InboxDispatcher dispatcher,
            RuntimeService runtimeService, DueJobs dueJobs, TenantScope tenantScope, JdbcTemplate jdbc,
            TransactionTemplate transactions) {
        this.payments = payments;
        this.settings = settings;
        this.inbox = inbox;
        this.dispatcher = dispatcher;
        this.runtimeService = runtimeService;
        this.dueJobs = dueJobs;
        this.tenantScope = tenantScope;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * A paybill payment of {@code amount} credited (receipt, no push), then an STK push for the same
     * amount confirmed by a status query (push, no receipt): the reconciliation of the second waits
     * for finance at "Review possible double payment". Returns that process.
     */
    public ProcessInstance possibleDoublePayment(TestCompany company, ClientDetails client, String amount,
            String paybillReceipt) {
        tenantScope.runAs(company.id(), () -> transactions.executeWithoutResult(tx -> {
            if (settings.current().isEmpty()) {
                settings.save(new UpdateMpesaSettings("174379", null, "k", "s", "p", "sandbox", true));
            }
            payments.receive(new ReceivePayment(client.id(), new BigDecimal(amount), PaymentMethod.MPESA, null,
                    paybillReceipt, null, null, null), "M-PESA");
        }));
        String checkout = "ws_CO_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        tenantScope.runAs(company.id(), () -> transactions.executeWithoutResult(tx -> jdbc.update("""
                insert into mpesa_stk_requests (checkout_request_id, client_id, phone, amount, account_reference,
                                                requested_by, isp_company_id, created_at)
                values (?, ?, '+254712345678', ?, ?, 'test', ?, now() - interval '5 minutes')""",
                checkout, client.id(), new BigDecimal(amount), client.accountNumber(), company.id())));
        tenantScope.runAs(company.id(), () -> inbox.recordQueryAnswer(checkout, new StkQueryAnswer(
                StkQueryAnswer.State.PAID, "0", "The service request is processed successfully.")));
        dispatcher.dispatchPending();
        ProcessInstance process = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey("paymentReconciliation").variableValueEquals("checkoutRequestId", checkout)
                .singleResult();
        dueJobs.ofProcessInstance(process.getId());
        return process;
    }
}
