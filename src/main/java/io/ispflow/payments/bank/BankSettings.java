package io.ispflow.payments.bank;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ispflow.platform.callbacks.CallbackTokens;
import io.ispflow.platform.TenantContext;
import io.ispflow.platform.TenantScope;
import io.ispflow.platform.secrets.SecretBox;

/**
 * The company's bank collections account and the secret the bank signs its notifications with
 * (agreed with the bank, stored encrypted, never read back).
 */
@Service
public class BankSettings {

    public static final String NOTIFICATION_PATH = "/api/payments/bank/";

    private final JdbcTemplate jdbc;
    private final SecretBox secrets;
    private final TenantScope tenantScope;

    BankSettings(JdbcTemplate jdbc, SecretBox secrets, TenantScope tenantScope) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.tenantScope = tenantScope;
    }

    /** Saves the settings; a null or blank secret keeps the one stored (a new account needs one). */
    @Transactional
    public BankConfiguration save(String bankName, String collectionAccount, String signingSecret, boolean active) {
        UUID company = TenantContext.requireCompanyId();
        String secret = signingSecret == null || signingSecret.isBlank() ? null : secrets.encrypt(signingSecret);
        int updated = jdbc.update("""
                update bank_settings set bank_name = ?, collection_account = ?,
                    signing_secret = coalesce(?, signing_secret), is_active = ?, updated_at = now()
                where isp_company_id = ?""", bankName, collectionAccount, secret, active, company);
        if (updated == 0) {
            if (secret == null) {
                throw new IllegalArgumentException("A signing secret is needed to set up bank notifications.");
            }
            jdbc.update("""
                    insert into bank_settings (isp_company_id, bank_name, collection_account, signing_secret,
                                               callback_token, is_active)
                    values (?, ?, ?, ?, ?, ?)""", company, bankName, collectionAccount, secret,
                    CallbackTokens.next(), active);
        }
        return current().orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<BankConfiguration> current() {
        return jdbc.query("""
                select bank_name, collection_account, callback_token, is_active from bank_settings
                where isp_company_id = ?""",
                (rs, n) -> new BankConfiguration(rs.getString("bank_name"), rs.getString("collection_account"), true,
                        NOTIFICATION_PATH + rs.getString("callback_token"), rs.getBoolean("is_active")),
                TenantContext.requireCompanyId()).stream().findFirst();
    }

    /** The active account whose notification path carries this token, of whichever company. */
    @Transactional(readOnly = true)
    Optional<BankAccount> activeAccount(String token) {
        return tenantScope.callPlatformWide(() -> jdbc.query("""
                select isp_company_id, collection_account, signing_secret from bank_settings
                where callback_token = ? and is_active""",
                (rs, n) -> new BankAccount(rs.getObject(1, UUID.class), rs.getString(2),
                        secrets.decrypt(rs.getString(3))), token).stream().findFirst());
    }
}
