package io.ispflow.network.snmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.VariableBinding;

import io.ispflow.demo.snmp.IfMibAgent;

/** The SNMP manager against a real agent on loopback: v2c and v3 authPriv, GET, SET, GETBULK walks. */
class SnmpSessionTests {

    private static final OID SYS_NAME = new OID("1.3.6.1.2.1.1.5.0");
    private static final OID IF_NAME = new OID("1.3.6.1.2.1.31.1.1.1.1");
    private static final OID IF_HC_IN_OCTETS = new OID("1.3.6.1.2.1.31.1.1.1.6");
    private static final OID IF_ADMIN_STATUS = new OID("1.3.6.1.2.1.2.2.1.7");

    private IfMibAgent agent;
    private SnmpSession session;

    @BeforeEach
    void start() {
        agent = IfMibAgent.builder().interfaces(30).sysName("sw-session").communities("ro-x", "rw-x")
                .user("noc", IfMibAgent.Auth.SHA, "noc-auth-pass", "noc-priv-pass").start();
        session = new SnmpSession(new SnmpProperties(Duration.ofMillis(500), 0, 10, 2));
        session.start();
    }

    @AfterEach
    void stop() {
        session.stop();
        agent.close();
    }

    private SnmpEndpoint v2c() {
        return new SnmpEndpoint("127.0.0.1", agent.port(), new SnmpCredentials.V2c("ro-x", "rw-x"));
    }

    private SnmpEndpoint v3(String authKey) {
        return new SnmpEndpoint("127.0.0.1", agent.port(), new SnmpCredentials.V3("noc",
                SnmpCredentials.AuthProtocol.SHA, authKey, SnmpCredentials.PrivProtocol.AES128, "noc-priv-pass"));
    }

    @Test
    void readsWalksAndWritesOverV2cAndV3() {
        agent.advance(7, 1_000, 2_000, 10, 20);
        for (SnmpEndpoint endpoint : List.of(v2c(), v3("noc-auth-pass"))) {
            assertThat(session.get(endpoint, SYS_NAME).get(0).getVariable()).hasToString("sw-session");

            List<SnmpSession.TableRow> rows = session.table(endpoint, IF_NAME, IF_HC_IN_OCTETS).join();
            assertThat(rows).hasSize(30);
            assertThat(rows.get(6).index()).hasToString("7");
            assertThat(rows.get(6).columns()[0].getVariable()).hasToString(IfMibAgent.interfaceName(7));
            assertThat(rows.get(6).columns()[1].getVariable().toLong()).isEqualTo(1_000);
        }
        session.set(v3("noc-auth-pass"), new VariableBinding(new OID(IF_ADMIN_STATUS).append(3), new Integer32(2)));
        assertThat(agent.adminStatus(3)).isEqualTo(IfMibAgent.DOWN);
        session.set(v2c(), new VariableBinding(new OID(IF_ADMIN_STATUS).append(3), new Integer32(1)));
        assertThat(agent.adminStatus(3)).isEqualTo(IfMibAgent.UP);
    }

    @Test
    void aRefusedSetAWrongKeyAndSilenceAreFailures() {
        agent.refuseSets(true);
        assertThatThrownBy(() -> session.set(v2c(),
                new VariableBinding(new OID(IF_ADMIN_STATUS).append(1), new Integer32(2))))
                .isInstanceOf(SnmpFailure.class).hasMessageContaining("Commit failed");
        assertThat(agent.adminStatus(1)).isEqualTo(IfMibAgent.UP);

        assertThatThrownBy(() -> session.get(v3("wrong-auth-pass"), SYS_NAME)).isInstanceOf(SnmpFailure.class);

        agent.setUnreachable(true);
        assertThatThrownBy(() -> session.table(v2c(), IF_NAME).join())
                .hasCauseInstanceOf(SnmpFailure.class)
                .satisfies(e -> assertThat(((SnmpFailure) e.getCause()).timedOut()).isTrue());
    }

    @Test
    void secretsNeverAppearInWhatIsPrinted() {
        assertThat(v3("noc-auth-pass").toString()).contains("noc").doesNotContain("noc-auth-pass", "noc-priv-pass");
        assertThat(v2c().toString()).doesNotContain("ro-x", "rw-x");
    }
}
