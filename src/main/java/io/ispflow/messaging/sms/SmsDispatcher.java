package io.ispflow.messaging.sms;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.messaging.delivery.GatewayAccounts;
import io.ispflow.messaging.delivery.MessageDispatcher;
import io.ispflow.platform.TenantScope;

/**
 * Sends the queued SMS of every company with an active gateway account through Africa's Talking, on
 * every node, as {@link MessageDispatcher} does for every channel ({@code isp.messaging.sms.*}).
 */
@Component
public class SmsDispatcher extends MessageDispatcher<SmsCredentials> {

    SmsDispatcher(JdbcTemplate jdbc, TransactionTemplate transactions, TenantScope tenantScope, SmsSender sender,
            SmsDispatchProperties properties, GatewayAccounts accounts) {
        super(jdbc, transactions, tenantScope, sender, properties, accounts);
    }
}
