package io.ispflow.messaging.email;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.messaging.delivery.GatewayAccounts;
import io.ispflow.messaging.delivery.MessageDispatcher;
import io.ispflow.platform.TenantScope;

/**
 * Sends the queued e-mails of every company with an active mail account through its SMTP server, on
 * every node, as {@link MessageDispatcher} does for every channel ({@code isp.messaging.email.*}).
 */
@Component
public class EmailDispatcher extends MessageDispatcher<EmailAccount> {

    EmailDispatcher(JdbcTemplate jdbc, TransactionTemplate transactions, TenantScope tenantScope, SmtpSender sender,
            EmailDispatchProperties properties, GatewayAccounts accounts) {
        super(jdbc, transactions, tenantScope, sender, properties, accounts);
    }
}
