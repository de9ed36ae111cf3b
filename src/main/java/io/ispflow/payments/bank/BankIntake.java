package io.ispflow.payments.bank;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.springframework.stereotype.Service;

import io.ispflow.platform.callbacks.CallbackRefused;
import io.ispflow.platform.callbacks.IntakeRefusals;

/**
 * The bank's calls to us: {@code VALIDATION} (is this customer ours? answered with his name) and
 * {@code PAYMENT_NOTIFICATION} (money arrived for him, stored once per bank reference and committed
 * before it is acknowledged, then reconciled). Each call must come to an active company's path, be
 * signed and new ({@link BankSignatureCheck}), and name the company's collection account; anything else
 * is refused, recorded as a security event, and stores nothing.
 */
@Service
class BankIntake {

    private final BankSettings settings;
    private final BankSignatureCheck signatures;
    private final BankNotifications notifications;
    private final BankAnswers answers;
    private final IntakeRefusals refusals;

    BankIntake(BankSettings settings, BankSignatureCheck signatures, BankNotifications notifications,
            BankAnswers answers, IntakeRefusals refusals) {
        this.settings = settings;
        this.signatures = signatures;
        this.notifications = notifications;
        this.answers = answers;
        this.refusals = refusals;
    }

    /**
     * Handles one signed call and returns the answer. The company comes from the path before any
     * transaction, so that the one transaction of the answer runs in that company from its start.
     *
     * @throws CallbackRefused when it is not accepted (after recording why)
     */
    BankAnswer handle(String token, String timestamp, String signature, byte[] body, String sourceAddress) {
        BankAccount bank = settings.activeAccount(token).orElseThrow(() -> refusals.refuse(404, null,
                "bank_ipn_unknown_path", "no company has this bank path", sourceAddress));
        refusals.checkSize(bank.company(), "bank_ipn", body, sourceAddress);
        signatures.checkSigned(bank, timestamp, signature, body, sourceAddress);
        BankCall call = BankCall.read(refusals.readJson(bank.company(), "bank_ipn", body, sourceAddress));
        return refusals.inTransactionOf(bank.company(), () -> {
            signatures.checkNotReplayed(bank, signature, sourceAddress);
            if (!bank.collectionAccount().equals(call.collectionAccount())) {
                throw refusals.refuse(400, bank.company(), "bank_ipn_wrong_account",
                        "collection account " + call.collectionAccount(), sourceAddress);
            }
            return switch (call.action()) {
                case BankCall.VALIDATION -> answers.validation(call.identifier());
                case BankCall.PAYMENT_NOTIFICATION -> answers.received(receive(bank, call,
                        new String(body, StandardCharsets.UTF_8), sourceAddress));
                default -> throw refusals.refuse(400, bank.company(), "bank_ipn_malformed",
                        "unknown action " + call.action(), sourceAddress);
            };
        });
    }

    private UUID receive(BankAccount bank, BankCall payment, String body, String sourceAddress) {
        if (!payment.isCompletePayment()) {
            throw refusals.refuse(400, bank.company(), "bank_ipn_malformed",
                    "payment notification without a reference, customer or positive amount", sourceAddress);
        }
        return notifications.store(bank.company(), payment, body, sourceAddress);
    }
}
