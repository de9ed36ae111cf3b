package io.ispflow.network.traps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.snmp4j.PDU;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.VariableBinding;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.demo.snmp.IfMibAgent;
import io.ispflow.network.snmp.SnmpCredentials;
import io.ispflow.platform.TenantScope;
import io.ispflow.platform.inbox.InboxDispatcher;
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.TestCompanies;
import io.ispflow.testing.TestCompanies.TestCompany;
import io.ispflow.testing.TestDevices;

/**
 * Traps and informs from devices on loopback: a known device's linkDown, linkUp and coldStart become
 * network events of its company, once each; traps from unknown senders, with a wrong community or an
 * unknown v3 user, and datagrams that are no SNMP at all, are dropped and counted, with nothing stored.
 */
@IntegrationTest
class TrapReceiverIntegrationTests {

    static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    TrapReceiver receiver;
    @Autowired
    TrapDrops drops;
    @Autowired
    InboxDispatcher dispatcher;
    @Autowired
    TestCompanies testCompanies;
    @Autowired
    TestDevices devices;
    @Autowired
    TenantScope tenantScope;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;

    TestCompany acme;
    String community;
    TrapSender device;

    @BeforeEach
    void aCompanyWithASwitch() {
        acme = testCompanies.create();
        community = "c-" + UUID.randomUUID();
        device = new TrapSender("127.0.0.1", receiver.port().orElseThrow());
    }

    @AfterEach
    void closeTheSender() {
        device.close();
    }

    @Test
    void aLinkDownOfAClientsPortBecomesAnEventNamingTheClientAndThePort() {
        UUID sw = devices.add(acme.id(), "sw-" + community, 161, new SnmpCredentials.V2c(community, null), false, 60);
        UUID client = clientOnPort(acme.id(), sw, 3, "ge-0/0/3");

        device.v2cTrap(community, TrapSender.link(1234, SnmpConstants.linkDown, 3));

        List<Map<String, Object>> events = eventsAfterDispatch(acme.id(), sw, 1);
        assertThat(events.get(0)).containsEntry("event_type", "link_down").containsEntry("client_id", client)
                .containsEntry("triggered_by", "snmp");
        assertThat(events.get(0).get("data").toString()).contains("\"ifIndex\": 3", "\"ifName\": \"ge-0/0/3\"",
                "\"trap\": \"linkDown\"", "\"snmpVersion\": \"v2c\"");
    }

    @Test
    void theSimulatedSwitchsTrapsAsV2cAndV3BecomeEventsOfItsCompany() {
        String user = "noc-" + community.substring(2, 12);
        try (IfMibAgent agent = IfMibAgent.builder().interfaces(4).communities(community, "rw-" + community)
                .user(user, IfMibAgent.Auth.SHA, "auth-" + community, "priv-" + community).start()) {
            UUID v2c = devices.add(acme.id(), "v2c-" + community, agent.port(),
                    new SnmpCredentials.V2c(community, null), false, 60);
            UUID v3 = devices.add(acme.id(), "v3-" + community, agent.port(), new SnmpCredentials.V3(user,
                    SnmpCredentials.AuthProtocol.SHA, "auth-" + community, SnmpCredentials.PrivProtocol.AES128,
                    "priv-" + community), false, 60);
            UUID client = clientOnPort(acme.id(), v2c, 2, "ge-0/0/2");
            String receiverAddress = "udp:127.0.0.1/" + receiver.port().orElseThrow();

            agent.setOperStatus(2, IfMibAgent.DOWN);
            agent.sendTrap(receiverAddress, IfMibAgent.Trap.LINK_DOWN, 2);
            agent.sendTrapV3(receiverAddress, IfMibAgent.Trap.COLD_START, 0);
            agent.setOperStatus(3, IfMibAgent.UP);
            agent.sendTrapV3(receiverAddress, IfMibAgent.Trap.LINK_UP, 3);

            assertThat(eventsAfterDispatch(acme.id(), v2c, 1)).singleElement().satisfies(event -> {
                assertThat(event).containsEntry("event_type", "link_down").containsEntry("client_id", client);
                assertThat(event.get("data").toString()).contains("\"ifIndex\": 2", "\"ifName\": \"ge-0/0/2\"");
            });
            assertThat(eventsAfterDispatch(acme.id(), v3, 2)).extracting(event -> event.get("event_type"))
                    .containsExactlyInAnyOrder("device_restarted", "link_up");
        }
    }

    @Test
    void linkUpAndColdStartBecomeTheirEventsAndOtherNotificationsAreOnlyStored() {
        UUID sw = devices.add(acme.id(), "sw-" + community, 161, new SnmpCredentials.V2c(community, null), false, 60);

        device.v2cTrap(community, TrapSender.link(10, SnmpConstants.linkUp, 7));
        device.v2cTrap(community, new VariableBinding(SnmpConstants.sysUpTime, new TimeTicks(0)),
                new VariableBinding(SnmpConstants.snmpTrapOID, SnmpConstants.coldStart));
        device.v2cTrap(community, new VariableBinding(SnmpConstants.sysUpTime, new TimeTicks(20)),
                new VariableBinding(SnmpConstants.snmpTrapOID, new OID("1.3.6.1.4.1.9999.0.1")));

        awaitStored(acme.id(), sw, 3);
        assertThat(dispatcher.dispatchPending()).isGreaterThanOrEqualTo(3);
        assertThat(events(acme.id(), sw)).extracting(event -> event.get("event_type"))
                .containsExactlyInAnyOrder("link_up", "device_restarted");
        assertThat(events(acme.id(), sw)).allSatisfy(event -> assertThat(event.get("client_id")).isNull());
    }

    @Test
    void anInformIsAnsweredAfterItIsStoredAndItsRepeatGivesNoSecondEvent() {
        UUID sw = devices.add(acme.id(), "sw-" + community, 161, new SnmpCredentials.V2c(community, null), false, 60);
        VariableBinding[] linkDown = TrapSender.link(5555, SnmpConstants.linkDown, 2);

        PDU answer = device.v2cInform(community, linkDown);
        assertThat(answer).isNotNull();
        assertThat(answer.getType()).isEqualTo(PDU.RESPONSE);
        assertThat(stored(acme.id(), sw)).as("stored before the answer").isEqualTo(1);

        PDU again = device.v2cInform(community, linkDown);
        assertThat(again).isNotNull();
        assertThat(stored(acme.id(), sw)).isEqualTo(1);
        dispatcher.dispatchPending();
        assertThat(events(acme.id(), sw)).hasSize(1);
    }

    @Test
    void anSnmpV3TrapOfTheDevicesUserBecomesAnEvent() {
        String user = "noc-" + community.substring(2, 12);
        UUID sw = devices.add(acme.id(), "sw-" + community, 161, new SnmpCredentials.V3(user,
                SnmpCredentials.AuthProtocol.SHA, "auth-" + community, SnmpCredentials.PrivProtocol.AES128,
                "priv-" + community), false, 60);

        device.v3Trap(user, "auth-" + community, "priv-" + community,
                TrapSender.link(777, SnmpConstants.linkDown, 4));

        List<Map<String, Object>> events = eventsAfterDispatch(acme.id(), sw, 1);
        assertThat(events.get(0)).containsEntry("event_type", "link_down");
        assertThat(events.get(0).get("data").toString()).contains("\"snmpVersion\": \"v3\"", "\"ifIndex\": 4");
    }

    @Test
    void anSnmpV3TrapWithAWrongKeyAnUnknownUserOrLessThanAuthPrivIsDroppedAndCounted() {
        String user = "noc-" + community.substring(2, 12);
        UUID sw = devices.add(acme.id(), "sw-" + community, 161, new SnmpCredentials.V3(user,
                SnmpCredentials.AuthProtocol.SHA, "auth-" + community, SnmpCredentials.PrivProtocol.AES128,
                "priv-" + community), false, 60);
        double wrongKey = drops.count(TrapDrops.Reason.AUTHENTICATION_FAILED);
        double unknownUser = drops.count(TrapDrops.Reason.UNKNOWN_USER);
        double lessSecurity = drops.count(TrapDrops.Reason.UNSUPPORTED_SECURITY_LEVEL);

        device.v3Trap(user, "not-the-auth-key", "priv-" + community, TrapSender.link(1, SnmpConstants.linkDown, 1));
        device.v3Trap("nobody-" + community.substring(2, 12), "auth-" + community, "priv-" + community,
                TrapSender.link(2, SnmpConstants.linkDown, 1));
        device.v3Trap(SecurityLevel.NOAUTH_NOPRIV, user, null, null, TrapSender.link(3, SnmpConstants.linkDown, 1));
        device.v3Trap(SecurityLevel.AUTH_NOPRIV, user, "auth-" + community, null,
                TrapSender.link(4, SnmpConstants.linkDown, 1));

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(drops.count(TrapDrops.Reason.AUTHENTICATION_FAILED)).isEqualTo(wrongKey + 1);
            assertThat(drops.count(TrapDrops.Reason.UNKNOWN_USER)).isEqualTo(unknownUser + 1);
            assertThat(drops.count(TrapDrops.Reason.UNSUPPORTED_SECURITY_LEVEL)).isEqualTo(lessSecurity + 2);
        });
        assertThat(stored(acme.id(), sw)).isZero();
    }

    @Test
    void aWrongCommunityAnUnknownSenderAndRandomBytesAreDroppedAndCountedWithNothingStored() {
        UUID sw = devices.add(acme.id(), "sw-" + community, 161, new SnmpCredentials.V2c(community, null), false, 60);
        double wrongCommunity = drops.count(TrapDrops.Reason.WRONG_COMMUNITY);
        double unknownSource = drops.count(TrapDrops.Reason.UNKNOWN_SOURCE);
        double malformed = drops.count(TrapDrops.Reason.MALFORMED);

        device.v2cTrap("not-" + community, TrapSender.link(1, SnmpConstants.linkDown, 1));
        try (TrapSender stranger = new TrapSender("127.0.0.2", receiver.port().orElseThrow())) {
            stranger.v2cTrap(community, TrapSender.link(2, SnmpConstants.linkDown, 1));
        }
        byte[] noise = new byte[200];
        new Random(11).nextBytes(noise);
        device.bytes(noise);

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(drops.count(TrapDrops.Reason.WRONG_COMMUNITY)).isEqualTo(wrongCommunity + 1);
            assertThat(drops.count(TrapDrops.Reason.UNKNOWN_SOURCE)).isEqualTo(unknownSource + 1);
            assertThat(drops.count(TrapDrops.Reason.MALFORMED)).isEqualTo(malformed + 1);
        });
        assertThat(stored(acme.id(), sw)).isZero();
        // and the receiver still takes traps after the noise
        device.v2cTrap(community, TrapSender.link(3, SnmpConstants.linkUp, 1));
        awaitStored(acme.id(), sw, 1);
    }

    @Test
    void twoCompaniesDevicesAtTheSameAddressEachGetOnlyTheirOwnTraps() {
        TestCompany savanna = testCompanies.create();
        String savannaCommunity = "s-" + UUID.randomUUID();
        UUID acmeSwitch = devices.add(acme.id(), "sw-" + community, 161, new SnmpCredentials.V2c(community, null),
                false, 60);
        UUID savannaSwitch = devices.add(savanna.id(), "sw-" + savannaCommunity, 161,
                new SnmpCredentials.V2c(savannaCommunity, null), false, 60);

        device.v2cTrap(community, TrapSender.link(100, SnmpConstants.linkDown, 1));
        device.v2cTrap(savannaCommunity, TrapSender.link(100, SnmpConstants.linkUp, 1));
        awaitStored(acme.id(), acmeSwitch, 1);
        awaitStored(savanna.id(), savannaSwitch, 1);
        dispatcher.dispatchPending();

        assertThat(allEventsOf(acme.id())).extracting(event -> event.get("equipment_id"), event -> event.get("event_type"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(acmeSwitch, "link_down"));
        assertThat(allEventsOf(savanna.id())).extracting(event -> event.get("equipment_id"), event -> event.get("event_type"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(savannaSwitch, "link_up"));
    }

    private List<Map<String, Object>> eventsAfterDispatch(UUID company, UUID equipment, int count) {
        awaitStored(company, equipment, count);
        dispatcher.dispatchPending();
        List<Map<String, Object>> events = events(company, equipment);
        assertThat(events).hasSize(count);
        return events;
    }

    private void awaitStored(UUID company, UUID equipment, int count) {
        await().atMost(WAIT).until(() -> stored(company, equipment) >= count);
        assertThat(stored(company, equipment)).isEqualTo(count);
    }

    private int stored(UUID company, UUID equipment) {
        return tenantScope.callAs(company, () -> transactions.execute(status -> jdbc.queryForObject(
                "select count(*) from snmp_traps where equipment_id = ?", Integer.class, equipment)));
    }

    private List<Map<String, Object>> events(UUID company, UUID equipment) {
        return tenantScope.callAs(company, () -> transactions.execute(status -> jdbc.queryForList("""
                select event_type, client_id, triggered_by, event_data::text as data from network_events
                where equipment_id = ? order by created_at""", equipment)));
    }

    private List<Map<String, Object>> allEventsOf(UUID company) {
        return tenantScope.callAs(company, () -> transactions.execute(status -> jdbc.queryForList(
                "select equipment_id, event_type from network_events order by created_at")));
    }

    private UUID clientOnPort(UUID company, UUID equipment, int ifIndex, String ifName) {
        return tenantScope.callAs(company, () -> transactions.execute(status -> {
            UUID client = jdbc.queryForObject("""
                    insert into clients (account_number, name, phone, address, county, sub_county, client_type,
                                         connection_type, monthly_rate, isp_company_id)
                    values (?, 'Wanjiru Kamau', '+254712345678', 'Kilimani', 'Nairobi', 'Westlands', 'individual',
                            'fiber', 1000, ?) returning id""", UUID.class,
                    "T" + Math.abs(equipment.hashCode() % 1_000_000), company);
            jdbc.update("""
                    insert into client_equipment (client_id, equipment_id, network_config, isp_company_id)
                    values (?, ?, ?::jsonb, ?)""", client, equipment,
                    "{\"ifIndex\": " + ifIndex + ", \"ifName\": \"" + ifName + "\"}", company);
            return client;
        }));
    }
}
