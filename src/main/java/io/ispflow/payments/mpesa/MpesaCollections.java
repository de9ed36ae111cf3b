package io.ispflow.payments.mpesa;

import java.math.BigDecimal;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ispflow.clients.ClientDirectory;
import io.ispflow.clients.ClientNotFound;
import io.ispflow.platform.TenantContext;
import io.ispflow.shared.Msisdn;

/**
 * Collecting money by M-PESA: an STK push prompts the client's phone with the client's account number
 * as the reference; the pending request is kept so that only a callback answering it can be credited.
 */
@Service
public class MpesaCollections {

    private final MpesaSettings settings;
    private final DarajaClient daraja;
    private final ClientDirectory clients;
    private final JdbcTemplate jdbc;

    MpesaCollections(MpesaSettings settings, DarajaClient daraja, ClientDirectory clients, JdbcTemplate jdbc) {
        this.settings = settings;
        this.daraja = daraja;
        this.clients = clients;
        this.jdbc = jdbc;
    }

    /**
     * Prompts the phone (the client's own unless another is given) to pay {@code amount} whole shillings.
     *
     * @throws MpesaNotConfigured when the company has no M-PESA settings
     * @throws io.ispflow.payments.mpesa.DarajaRejected when M-PESA refuses the request
     */
    @Transactional
    public PendingStkPush stkPush(UUID clientId, BigDecimal amount, Msisdn phone, String requestedBy) {
        var client = clients.find(clientId).orElseThrow(() -> new ClientNotFound(clientId));
        var credentials = settings.credentials().orElseThrow(MpesaNotConfigured::new);
        String token = settings.callbackToken().orElseThrow(MpesaNotConfigured::new);
        String payer = (phone != null ? phone : Msisdn.parse(client.phone())).digits();
        var accepted = daraja.stkPush(credentials, new StkPush(payer, amount, client.accountNumber(),
                "Internet bill", token));
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into mpesa_stk_requests (id, checkout_request_id, merchant_request_id, client_id, phone, amount,
                                                account_reference, requested_by, isp_company_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id, accepted.checkoutRequestId(), accepted.merchantRequestId(), clientId, "+" + payer, amount,
                client.accountNumber(), requestedBy, TenantContext.requireCompanyId());
        return new PendingStkPush(id, accepted.checkoutRequestId(), clientId, "+" + payer, amount,
                client.accountNumber(), "pending", accepted.customerMessage());
    }

    /**
     * Registers the company's paybill confirmation and validation URLs with Daraja, so that payments
     * made from the phone menu reach us.
     *
     * @throws MpesaNotConfigured when the company has no M-PESA settings
     * @throws io.ispflow.payments.mpesa.DarajaRejected when M-PESA refuses the registration
     */
    @Transactional
    public PaybillRegistration registerPaybillUrls() {
        var credentials = settings.credentials().orElseThrow(MpesaNotConfigured::new);
        String token = settings.callbackToken().orElseThrow(MpesaNotConfigured::new);
        PaybillRegistration registration = daraja.registerC2bUrls(credentials, token);
        jdbc.update("update mpesa_settings set c2b_registered_at = now() where isp_company_id = ?",
                TenantContext.requireCompanyId());
        return registration;
    }
}
