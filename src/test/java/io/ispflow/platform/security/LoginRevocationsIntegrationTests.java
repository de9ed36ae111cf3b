package io.ispflow.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.shared.StaffRole;
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.LoopbackClient;
import io.ispflow.testing.TestCompanies;

/**
 * In a cluster, a login taken away on one node is forgotten by the others within seconds, although
 * each remembers verified logins for minutes. The other node is played by its traces in the shared
 * database: the removed memberships and the revocation row, with this node's memory untouched.
 */
@IntegrationTest
class LoginRevocationsIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    TestCompanies testCompanies;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void aLoginTakenAwayOnAnotherNodeIsRefusedHereWithinSeconds() {
        String user = testCompanies.create().user(StaffRole.BILLING_FINANCE);
        var office = new LoopbackClient(port);
        String login = LoopbackClient.basic(user, TestCompanies.PASSWORD);
        assertThat(office.get("/api/auth/profile", login).status()).isEqualTo(200);
        assertThat(office.get("/engine-rest/task/count", login).status()).isEqualTo(200);

        anotherNodeDeactivates(user);

        assertThat(firstRefusal(office, "/api/auth/profile", login)).isEqualTo(401);
        assertThat(firstRefusal(office, "/engine-rest/task/count", login)).isEqualTo(401);
    }

    /** Asks again and again until the login is no longer let in; answers how it was refused. */
    private static int firstRefusal(LoopbackClient client, String path, String login) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> client.get(path, login).status(), status -> status != 200);
    }

    /** What StaffAccounts.deactivate on another node leaves in the shared database. */
    private void anotherNodeDeactivates(String user) {
        transactions.executeWithoutResult(tx -> {
            jdbc.update("delete from act_id_membership where user_id_ = ?", user);
            jdbc.update("delete from act_id_tenant_member where user_id_ = ?", user);
            jdbc.update("insert into login_revocations (user_id) values (?)", user);
        });
    }
}
