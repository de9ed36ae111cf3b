package io.ispflow.network.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snmp4j.smi.OID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.network.snmp.SnmpCredentials;
import io.ispflow.network.snmp.SnmpEndpoint;
import io.ispflow.network.snmp.SnmpSession;
import io.ispflow.platform.TenantScope;
import io.ispflow.testing.MutableClock;
import io.ispflow.testing.TestCompanies;
import io.ispflow.testing.TestDevices;

/**
 * A read-only poll of Debian's {@code snmpd} (a real agent serving the machine's own interfaces) over
 * SNMPv2c and SNMPv3 authPriv (SHA/AES): the device is up with its name and description, its
 * interfaces, {@code lo} among them, are in {@code interface_statistics}, and the second poll an
 * interval later carries rates.
 */
@PollingContext
class SnmpdPollingIntegrationTests {

    static Snmpd snmpd;

    @Autowired
    DevicePolling polling;
    @Autowired
    TestCompanies testCompanies;
    @Autowired
    TestDevices devices;
    @Autowired
    TenantScope tenants;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    SnmpSession snmp;
    @Autowired
    TransactionTemplate transactions;

    @BeforeAll
    static void startSnmpd() throws Exception {
        snmpd = Snmpd.start();
    }

    @AfterAll
    static void stopSnmpd() throws Exception {
        snmpd.close();
    }

    @Test
    void pollsSnmpdOverV2cAndV3() {
        UUID company = testCompanies.create().id();
        SnmpCredentials v2c = new SnmpCredentials.V2c(Snmpd.COMMUNITY, null);
        SnmpCredentials v3 = new SnmpCredentials.V3(Snmpd.USER, SnmpCredentials.AuthProtocol.SHA, Snmpd.AUTH_KEY,
                SnmpCredentials.PrivProtocol.AES128, Snmpd.PRIV_KEY);
        snmpdAnswers(v2c);
        UUID overV2c = devices.add(company, "snmpd v2c", snmpd.port, v2c, false, 60);
        UUID overV3 = devices.add(company, "snmpd v3", snmpd.port, v3, false, 60);

        polling.pollDue();

        for (UUID device : List.of(overV2c, overV3)) {
            Map<String, Object> state = pollState(company, device);
            assertThat(state.get("state")).as("state of %s", device).isEqualTo("up");
            assertThat((String) state.get("sys_descr")).contains("Linux");
            assertThat(state.get("sys_name")).isNotNull();
            assertThat(lo(company, device)).hasSize(1).first()
                    .satisfies(row -> assertThat(row.get("status")).isEqualTo("up"))
                    .satisfies(row -> assertThat(row.get("in_bps")).as("no rate on a first poll").isNull());
        }

        clock.advance(Duration.ofSeconds(60));
        polling.pollDue();

        for (UUID device : List.of(overV2c, overV3)) {
            assertThat(lo(company, device)).hasSize(2).last()
                    .satisfies(row -> assertThat(row.get("in_bps")).isNotNull())
                    .satisfies(row -> assertThat(((Number) row.get("interval_seconds")).doubleValue()).isEqualTo(60.0));
            assertThat(as(company, () -> jdbc.queryForObject(
                    "select count(*) from bandwidth_statistics where equipment_id = ?", Integer.class, device)))
                    .isEqualTo(1);
        }
    }

    private void snmpdAnswers(SnmpCredentials credentials) {
        SnmpEndpoint endpoint = new SnmpEndpoint("127.0.0.1", snmpd.port, credentials);
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .until(() -> snmp.get(endpoint, new OID("1.3.6.1.2.1.1.3.0")).size() == 1);
    }

    private Map<String, Object> pollState(UUID company, UUID device) {
        return as(company, () -> jdbc.queryForMap(
                "select * from equipment_poll_state where equipment_id = ?", device));
    }

    private List<Map<String, Object>> lo(UUID company, UUID device) {
        return as(company, () -> jdbc.queryForList("""
                select * from interface_statistics where equipment_id = ? and interface_name = 'lo'
                order by sampled_at""", device));
    }

    private <T> T as(UUID company, java.util.function.Supplier<T> read) {
        return tenants.callAs(company, () -> transactions.execute(status -> read.get()));
    }
}
