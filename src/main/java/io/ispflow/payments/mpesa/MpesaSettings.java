package io.ispflow.payments.mpesa;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;

import io.ispflow.platform.callbacks.CallbackTokens;
import io.ispflow.platform.callbacks.TokenCompanies;
import io.ispflow.platform.TenantContext;
import io.ispflow.platform.TenantScope;
import io.ispflow.platform.secrets.SecretBox;

/**
 * The company's M-PESA paybill and Daraja credentials. Consumer secret and passkey are encrypted
 * before they reach the database and are only decrypted for the Daraja client.
 */
@Service
public class MpesaSettings {

    static final String CALLBACK_PATH = "/api/payments/mpesa/callback/";

    private final JdbcTemplate jdbc;
    private final SecretBox secrets;
    private final TokenCompanies tokens;

    MpesaSettings(JdbcTemplate jdbc, SecretBox secrets, TenantScope tenantScope,
            PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.tokens = new TokenCompanies(jdbc, tenantScope, transactionManager,
                "select isp_company_id from mpesa_settings where callback_token = ? and is_active");
    }

    /** The company with active M-PESA settings whose callback paths carry this token. */
    Optional<UUID> companyOfCallbackToken(String token) {
        return tokens.companyOf(token);
    }

    @Transactional
    public MpesaConfiguration save(UpdateMpesaSettings update) {
        UUID company = TenantContext.requireCompanyId();
        jdbc.update("""
                insert into mpesa_settings (isp_company_id, paybill_number, shortcode, consumer_key, consumer_secret,
                                            passkey, environment, callback_token, is_active)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (isp_company_id) do update set
                    paybill_number = excluded.paybill_number, shortcode = excluded.shortcode,
                    consumer_key = excluded.consumer_key,
                    consumer_secret = coalesce(excluded.consumer_secret, mpesa_settings.consumer_secret),
                    passkey = coalesce(excluded.passkey, mpesa_settings.passkey),
                    environment = excluded.environment, is_active = excluded.is_active, updated_at = now()""",
                company, update.paybillNumber(), blankToNull(update.shortcode()), blankToNull(update.consumerKey()),
                secrets.encrypt(blankToNull(update.consumerSecret())), secrets.encrypt(blankToNull(update.passkey())),
                update.environment(), CallbackTokens.next(), update.active());
        tokens.forgetAfterCommit();
        return current().orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<MpesaConfiguration> current() {
        return jdbc.query("""
                select paybill_number, shortcode, consumer_key, consumer_secret is not null as secret_set,
                       passkey is not null as passkey_set, environment, callback_token, is_active
                from mpesa_settings where isp_company_id = ?""",
                (rs, n) -> new MpesaConfiguration(rs.getString("paybill_number"), rs.getString("shortcode"),
                        rs.getString("consumer_key"), rs.getBoolean("secret_set"), rs.getBoolean("passkey_set"),
                        rs.getString("environment"), CALLBACK_PATH + rs.getString("callback_token"),
                        rs.getBoolean("is_active")),
                TenantContext.requireCompanyId()).stream().findFirst();
    }

    /** The decrypted credentials for calling Daraja on behalf of the company in context. */
    @Transactional(readOnly = true)
    Optional<MpesaCredentials> credentials() {
        return jdbc.query("""
                select coalesce(shortcode, paybill_number) as shortcode, consumer_key, consumer_secret, passkey,
                       environment
                from mpesa_settings where isp_company_id = ? and is_active""",
                (rs, n) -> new MpesaCredentials(rs.getString("shortcode"), rs.getString("consumer_key"),
                        secrets.decrypt(rs.getString("consumer_secret")), secrets.decrypt(rs.getString("passkey")),
                        rs.getString("environment")),
                TenantContext.requireCompanyId()).stream().findFirst();
    }

    /** The token in the company's callback path, if M-PESA is configured. */
    @Transactional(readOnly = true)
    Optional<String> callbackToken() {
        return current().map(c -> c.callbackPath().substring(CALLBACK_PATH.length()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
