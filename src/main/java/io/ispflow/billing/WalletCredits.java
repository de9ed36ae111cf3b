package io.ispflow.billing;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Money into a client's wallet, in one transaction with its use: the credit is recorded and at once
 * pays the client's open invoices, oldest due first; what is left stays in the wallet.
 */
@Service
public class WalletCredits {

    private final WalletLedger ledger;
    private final Invoicing invoicing;
    private final ClientAccounts clients;

    WalletCredits(WalletLedger ledger, Invoicing invoicing, ClientAccounts clients) {
        this.ledger = ledger;
        this.invoicing = invoicing;
        this.clients = clients;
    }

    /** A credit by finance staff (goodwill, outage compensation, correction), with its reason. */
    @Transactional
    public List<Invoicing.Allocation> credit(UUID clientId, BigDecimal amount, String reason, String by) {
        requireClient(clientId);
        ledger.record(clientId, WalletLedger.EntryType.CREDIT, amount, Posting.of("Credit: " + reason, by));
        return invoicing.settleFromWallet(clientId, null, by);
    }

    /** A payment received for the client (M-PESA, bank, cash), applied to his open invoices. */
    @Transactional
    public List<Invoicing.Allocation> pay(UUID clientId, BigDecimal amount, Posting posting) {
        requireClient(clientId);
        ledger.record(clientId, WalletLedger.EntryType.PAYMENT, amount, posting);
        return invoicing.settleFromWallet(clientId, posting.paymentId(), posting.createdBy());
    }

    public void requireClient(UUID clientId) {
        if (!clients.exists(clientId)) {
            throw new UnknownClient(clientId);
        }
    }
}
