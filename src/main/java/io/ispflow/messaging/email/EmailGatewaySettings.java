package io.ispflow.messaging.email;

import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ispflow.messaging.delivery.GatewayAccounts;
import io.ispflow.platform.TenantContext;
import io.ispflow.platform.secrets.SecretBox;

/**
 * The company's mail account for client e-mail: its SMTP server (host, port, TLS), the login (password
 * encrypted before it reaches the database, decrypted only for sending, never returned), and the
 * sender's address and name, with an optional reply-to address.
 */
@Service
public class EmailGatewaySettings {

    private final JdbcTemplate jdbc;
    private final GatewayAccounts accounts;
    private final SecretBox secrets;

    EmailGatewaySettings(JdbcTemplate jdbc, SecretBox secrets, GatewayAccounts accounts) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    /**
     * Saves the company's mail account; a blank password keeps the one stored, a blank user name drops
     * the login and its password.
     */
    @Transactional
    public EmailGatewayConfiguration save(UpdateEmailGateway update) {
        String username = blankToNull(update.username());
        jdbc.update("""
                insert into email_gateway_settings (isp_company_id, host, port, security, username, password,
                                                    from_address, from_name, reply_to, is_active)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (isp_company_id) do update set
                    host = excluded.host, port = excluded.port, security = excluded.security,
                    username = excluded.username,
                    password = case when excluded.username is null then null
                                    else coalesce(excluded.password, email_gateway_settings.password) end,
                    from_address = excluded.from_address, from_name = excluded.from_name,
                    reply_to = excluded.reply_to, is_active = excluded.is_active, updated_at = now()""",
                TenantContext.requireCompanyId(), update.host().trim(), update.port(), update.security().id(),
                username, username == null ? null : secrets.encrypt(password(update.password())),
                update.fromAddress().trim(), update.fromName().trim(), blankToNull(update.replyTo()), update.active());
        accounts.changed("email", TenantContext.requireCompanyId());
        return current().orElseThrow();
    }

    /** The company's mail account as staff see it: no password, only whether one is stored. */
    @Transactional(readOnly = true)
    public Optional<EmailGatewayConfiguration> current() {
        return jdbc.query("""
                select host, port, security, username, password is not null as password_set, from_address,
                       from_name, reply_to, is_active
                from email_gateway_settings where isp_company_id = ?""",
                (rs, n) -> new EmailGatewayConfiguration(rs.getString("host"), rs.getInt("port"),
                        rs.getString("security"), rs.getString("username"), rs.getBoolean("password_set"),
                        rs.getString("from_address"), rs.getString("from_name"), rs.getString("reply_to"),
                        rs.getBoolean("is_active")),
                TenantContext.requireCompanyId()).stream().findFirst();
    }

    /** The decrypted account for sending on behalf of the company in context, when it is active. */
    @Transactional(readOnly = true)
    public Optional<EmailAccount> account() {
        return jdbc.query("""
                select host, port, security, username, password, from_address, from_name, reply_to
                from email_gateway_settings where isp_company_id = ? and is_active""",
                (rs, n) -> new EmailAccount(rs.getString("host"), rs.getInt("port"),
                        SmtpSecurity.of(rs.getString("security")), rs.getString("username"),
                        rs.getString("password") == null ? null : secrets.decrypt(rs.getString("password")),
                        rs.getString("from_address"), rs.getString("from_name"), rs.getString("reply_to")),
                TenantContext.requireCompanyId()).stream().findFirst();
    }

    /** A password is taken as typed, spaces included; only an empty or blank one keeps the stored password. */
    private static String password(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
