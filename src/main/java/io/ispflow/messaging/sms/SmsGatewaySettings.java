package io.ispflow.messaging.sms;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;

import io.ispflow.messaging.delivery.GatewayAccounts;
import io.ispflow.platform.TenantContext;
import io.ispflow.platform.TenantScope;
import io.ispflow.platform.callbacks.CallbackTokens;
import io.ispflow.platform.callbacks.TokenCompanies;
import io.ispflow.platform.secrets.SecretBox;

/**
 * The company's SMS gateway account at Africa's Talking: user name, API key (encrypted before it
 * reaches the database, decrypted only for the gateway client, never returned), sender id and
 * environment, and the unguessable token of the URL the gateway posts delivery reports to.
 */
@Service
public class SmsGatewaySettings {

    static final String DELIVERY_PATH = "/api/messaging/sms/delivery/";
    static final String INCOMING_PATH = "/api/messaging/sms/incoming/";

    private final JdbcTemplate jdbc;
    private final GatewayAccounts accounts;
    private final SecretBox secrets;
    private final TokenCompanies tokens;

    SmsGatewaySettings(JdbcTemplate jdbc, SecretBox secrets, TenantScope tenantScope,
            PlatformTransactionManager transactionManager, GatewayAccounts accounts) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.tokens = new TokenCompanies(jdbc, tenantScope, transactionManager,
                "select isp_company_id from sms_gateway_settings where callback_token = ? and is_active");
    }

    /** Saves the company's gateway account; a blank API key keeps the one stored. The callback token stays. */
    @Transactional
    public SmsGatewayConfiguration save(UpdateSmsGateway update) {
        jdbc.update("""
                insert into sms_gateway_settings (isp_company_id, username, api_key, sender_id, environment,
                                                  callback_token, is_active)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (isp_company_id) do update set
                    username = excluded.username,
                    api_key = coalesce(excluded.api_key, sms_gateway_settings.api_key),
                    sender_id = excluded.sender_id, environment = excluded.environment,
                    is_active = excluded.is_active, updated_at = now()""",
                TenantContext.requireCompanyId(), update.username().trim(),
                secrets.encrypt(blankToNull(update.apiKey())), blankToNull(update.senderId()), update.environment(),
                CallbackTokens.next(), update.active());
        tokens.forgetAfterCommit();
        accounts.changed("sms", TenantContext.requireCompanyId());
        return current().orElseThrow();
    }

    /** The company's gateway account as staff see it: no API key, only whether one is stored. */
    @Transactional(readOnly = true)
    public Optional<SmsGatewayConfiguration> current() {
        return jdbc.query("""
                select username, api_key is not null as key_set, sender_id, environment, callback_token, is_active
                from sms_gateway_settings where isp_company_id = ?""",
                (rs, n) -> new SmsGatewayConfiguration(rs.getString("username"), rs.getBoolean("key_set"),
                        rs.getString("sender_id"), rs.getString("environment"),
                        DELIVERY_PATH + rs.getString("callback_token"), INCOMING_PATH + rs.getString("callback_token"),
                        rs.getBoolean("is_active")),
                TenantContext.requireCompanyId()).stream().findFirst();
    }

    /** The decrypted account for sending on behalf of the company in context, when it is active and has a key. */
    @Transactional(readOnly = true)
    public Optional<SmsCredentials> credentials() {
        return jdbc.query("""
                select username, api_key, sender_id, environment from sms_gateway_settings
                where isp_company_id = ? and is_active and api_key is not null""",
                (rs, n) -> new SmsCredentials(rs.getString("username"), secrets.decrypt(rs.getString("api_key")),
                        rs.getString("sender_id"), rs.getString("environment")),
                TenantContext.requireCompanyId()).stream().findFirst();
    }

    /** The company with an active gateway account whose callback URLs carry this token. */
    Optional<UUID> companyOfCallbackToken(String token) {
        return tokens.companyOf(token);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
