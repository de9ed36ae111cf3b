package io.ispflow.selfservice;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.billing.Subscription;
import io.ispflow.billing.Subscriptions;
import io.ispflow.billing.WalletLedger;
import io.ispflow.clients.ClientDetails;
import io.ispflow.clients.ClientDirectory;
import io.ispflow.messaging.ClientMessages;
import io.ispflow.messaging.ClientTexted;
import io.ispflow.messaging.MessageOptOuts;
import io.ispflow.messaging.MessagePurpose;
import io.ispflow.messaging.Notifier;
import io.ispflow.payments.mpesa.MpesaCollections;
import io.ispflow.platform.TenantScope;
import io.ispflow.shared.Language;
import io.ispflow.shared.StaffRole;
import io.ispflow.tenancy.StaffDirectory;

/**
 * Answers a text to the company's number, once, after it was stored. The sender is the client whose
 * phone number it came from:
 * <ul>
 * <li>{@code STOP} / {@code START}: reminders by SMS off or on again (anyone may, client or not);</li>
 * <li>{@code BAL}: his wallet balance, and what is due by when;</li>
 * <li>{@code PAY 500}: an M-PESA prompt for 500 on the phone that texted, for his account;</li>
 * <li>anything else: a notification to every customer support member of the company, and a thank-you.</li>
 * </ul>
 * A number that is no client's gets one polite answer a day, whatever it sends.
 */
@Component
class TextedRequests {

    /** The largest STK push Safaricom takes. */
    static final BigDecimal MOST_PER_PROMPT = new BigDecimal("150000");
    static final Duration ONE_ANSWER_TO_STRANGERS_PER = Duration.ofDays(1);

    private static final Logger LOG = LoggerFactory.getLogger(TextedRequests.class);

    private final TenantScope tenantScope;
    private final ClientDirectory clients;
    private final Subscriptions subscriptions;
    private final WalletLedger wallet;
    private final MpesaCollections mpesa;
    private final ClientMessages messages;
    private final MessageOptOuts optOuts;
    private final Notifier notifier;
    private final StaffDirectory staff;
    private final TransactionTemplate ownTransaction;

    TextedRequests(TenantScope tenantScope, ClientDirectory clients, Subscriptions subscriptions, WalletLedger wallet,
            MpesaCollections mpesa, ClientMessages messages, MessageOptOuts optOuts, Notifier notifier,
            StaffDirectory staff, PlatformTransactionManager transactions) {
        this.tenantScope = tenantScope;
        this.clients = clients;
        this.subscriptions = subscriptions;
        this.wallet = wallet;
        this.mpesa = mpesa;
        this.messages = messages;
        this.optOuts = optOuts;
        this.notifier = notifier;
        this.staff = staff;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @ApplicationModuleListener
    void on(ClientTexted text) {
        tenantScope.runAs(text.companyId(), () -> answer(text));
    }

    private void answer(ClientTexted text) {
        Optional<ClientDetails> sender = clients.findByPhone(text.from().e164());
        Language language = sender.map(ClientDetails::language).orElse(Language.EN);
        String phone = text.from().e164();
        switch (text.command()) {
            case STOP -> {
                optOuts.optOut("sms", phone, "sms_keyword", null);
                messages.text(sender.map(ClientDetails::id).orElse(null), text.from(), language, MessagePurpose.OPTED_OUT,
                        Map.of());
            }
            case START -> {
                optOuts.optIn("sms", phone);
                messages.text(sender.map(ClientDetails::id).orElse(null), text.from(), language, MessagePurpose.OPTED_IN,
                        Map.of());
            }
            default -> sender.ifPresentOrElse(client -> answerClient(client, text),
                    () -> messages.textUnlessSentWithin(ONE_ANSWER_TO_STRANGERS_PER, null, text.from(), Language.EN,
                            MessagePurpose.UNKNOWN_SENDER, Map.of()));
        }
    }

    private void answerClient(ClientDetails client, ClientTexted text) {
        switch (text.command()) {
            case BALANCE -> balance(client, text);
            case PAY -> pay(client, text);
            default -> toSupport(client, text);
        }
    }

    private void balance(ClientDetails client, ClientTexted text) {
        BigDecimal balance = wallet.balance(client.id());
        Optional<Subscription> live = subscriptions.liveOf(client.id());
        var arrears = live.map(subscription -> subscriptions.arrears(subscription.id(), false));
        if (arrears.isPresent() && !arrears.get().cleared()) {
            messages.text(client.id(), text.from(), client.language(), MessagePurpose.BALANCE, Map.of("name", client.name(),
                    "balance", balance, "accountNumber", client.accountNumber(), "amountDue", arrears.get().amount(),
                    "dueDate", arrears.get().oldestDueDate()));
            return;
        }
        BigDecimal nextRenewal = live.filter(Subscription::autoRenew)
                .map(s -> s.nextMonthlyRate() != null ? s.nextMonthlyRate() : s.monthlyRate())
                .map(rate -> rate.subtract(balance)).orElse(BigDecimal.ZERO);
        if (nextRenewal.signum() > 0) {
            messages.text(client.id(), text.from(), client.language(), MessagePurpose.BALANCE, Map.of("name", client.name(),
                    "balance", balance, "accountNumber", client.accountNumber(), "amountDue", nextRenewal,
                    "dueDate", live.get().periodEnd().plusDays(1)));
        } else {
            messages.text(client.id(), text.from(), client.language(), MessagePurpose.BALANCE_NOTHING_DUE,
                    Map.of("name", client.name(), "balance", balance, "accountNumber", client.accountNumber()));
        }
    }

    private void pay(ClientDetails client, ClientTexted text) {
        BigDecimal amount = text.amount();
        if (amount == null || amount.compareTo(MOST_PER_PROMPT) > 0) {
            messages.text(client.id(), text.from(), client.language(), MessagePurpose.PAY_HOW,
                    Map.of("accountNumber", client.accountNumber()));
            return;
        }
        try {
            // its own transaction: a refused prompt must not undo the answer that says so
            ownTransaction.executeWithoutResult(status -> mpesa.stkPush(client.id(), amount, text.from(), "sms"));
        } catch (RuntimeException refused) {
            LOG.warn("M-PESA prompt asked by SMS {} not started: {}", text.messageId(), refused.toString());
            messages.text(client.id(), text.from(), client.language(), MessagePurpose.PAY_NOT_STARTED,
                    Map.of("amount", amount, "accountNumber", client.accountNumber()));
        }
    }

    private void toSupport(ClientDetails client, ClientTexted text) {
        staff.staffOfCompany().stream()
                .filter(member -> member.active() && member.role() == StaffRole.CUSTOMER_SUPPORT)
                .forEach(member -> notifier.notifyStaff(member.userId(),
                        "SMS from " + client.name() + " (" + client.accountNumber() + ")", text.text(), "client",
                        client.id()));
        messages.text(client.id(), text.from(), client.language(), MessagePurpose.TEXT_RECEIVED,
                Map.of("name", client.name()));
    }
}
