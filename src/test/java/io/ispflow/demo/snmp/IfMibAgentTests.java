package io.ispflow.demo.snmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.CommunityTarget;
import org.snmp4j.DirectUserTarget;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.PDU;
import org.snmp4j.ScopedPDU;
import org.snmp4j.Snmp;
import org.snmp4j.Target;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.CounterSupport;
import org.snmp4j.mp.MPv3;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.security.SecurityModels;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.GenericAddress;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;
import org.snmp4j.util.DefaultPDUFactory;
import org.snmp4j.util.TableEvent;
import org.snmp4j.util.TableUtils;

class IfMibAgentTests {

    private static final OID SYS_NAME = new OID("1.3.6.1.2.1.1.5.0");
    private static final OID SYS_UPTIME = new OID("1.3.6.1.2.1.1.3.0");
    private static final String IF_ENTRY = "1.3.6.1.2.1.2.2.1.";
    private static final String IFX_ENTRY = "1.3.6.1.2.1.31.1.1.1.";

    private IfMibAgent agent;
    private Snmp manager;
    private USM managerUsm;

    @BeforeEach
    void start() throws IOException {
        agent = IfMibAgent.builder().interfaces(12).sysName("sw-test-1").communities("ro-secret", "rw-secret")
                .user("noc", IfMibAgent.Auth.SHA, "noc-auth-pass", "noc-priv-pass").start();
        managerUsm = new USM(SecurityProtocols.getInstance(), new OctetString(MPv3.createLocalEngineID()), 0);
        MessageDispatcherImpl dispatcher = new MessageDispatcherImpl();
        dispatcher.addMessageProcessingModel(new MPv2c());
        dispatcher.addMessageProcessingModel(new MPv3(managerUsm.getLocalEngineID().getValue(),
                new DefaultPDUFactory(), SecurityProtocols.getInstance(),
                new SecurityModels().addSecurityModel(managerUsm), CounterSupport.getInstance()));
        manager = new Snmp(dispatcher, new DefaultUdpTransportMapping(new UdpAddress(InetAddress.getLoopbackAddress(), 0)));
        manager.listen();
    }

    @AfterEach
    void stop() throws IOException {
        manager.close();
        agent.close();
    }

    @Test
    void answersV2cGetAndWalksBothTablesWithGetBulk() throws IOException {
        assertThat(agent.address()).isEqualTo("udp:127.0.0.1/" + agent.port());
        assertThat(get(v2c("ro-secret"), SYS_NAME)).hasToString("sw-test-1");
        assertThat(get(v2c("ro-secret"), new OID("1.3.6.1.2.1.2.1.0"))).isEqualTo(new Integer32(12));
        agent.advance(3, 1000, 2000, 10, 20);
        agent.setAlias(2, "client 1042");

        List<TableEvent> ifTable = table(v2c("ro-secret"), IF_ENTRY, 1, 2, 5, 7, 8, 10, 16);
        assertThat(ifTable).hasSize(12);
        for (int i = 0; i < 12; i++) {
            VariableBinding[] row = ifTable.get(i).getColumns();
            assertThat(ifTable.get(i).getIndex()).isEqualTo(new OID(new int[] {i + 1}));
            assertThat(row[0].getVariable()).isEqualTo(new Integer32(i + 1));
            assertThat(row[1].getVariable()).hasToString("ge-0/0/" + (i + 1));
            assertThat(row[2].getVariable().toLong()).isEqualTo(1_000_000_000L);
            assertThat(row[3].getVariable()).isEqualTo(new Integer32(IfMibAgent.UP));
            assertThat(row[4].getVariable()).isEqualTo(new Integer32(IfMibAgent.UP));
        }
        assertThat(ifTable.get(2).getColumns()[5].getVariable()).isEqualTo(new Counter32(1000));
        assertThat(ifTable.get(2).getColumns()[6].getVariable()).isEqualTo(new Counter32(2000));
        assertThat(ifTable.get(3).getColumns()[5].getVariable()).isEqualTo(new Counter32(0));

        List<TableEvent> ifXTable = table(v2c("ro-secret"), IFX_ENTRY, 1, 6, 7, 10, 11, 15, 18);
        assertThat(ifXTable).hasSize(12);
        assertThat(ifXTable).extracting(e -> e.getColumns()[0].getVariable().toString())
                .containsExactlyElementsOf(names(12));
        assertThat(ifXTable.get(2).getColumns()[1].getVariable()).isEqualTo(new Counter64(1000));
        assertThat(ifXTable.get(2).getColumns()[2].getVariable()).isEqualTo(new Counter64(10));
        assertThat(ifXTable.get(2).getColumns()[3].getVariable()).isEqualTo(new Counter64(2000));
        assertThat(ifXTable.get(2).getColumns()[4].getVariable()).isEqualTo(new Counter64(20));
        assertThat(ifXTable).allSatisfy(e -> assertThat(e.getColumns()[5].getVariable().toLong()).isEqualTo(1000));
        assertThat(ifXTable.get(1).getColumns()[6].getVariable()).hasToString("client 1042");
        assertThat(ifXTable.get(0).getColumns()[6].getVariable()).hasToString("");
        assertThat(agent.requestsServed()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void countersAdvanceAndWrap() throws IOException {
        OID hcIn1 = new OID(IFX_ENTRY + "6.1");
        OID in1 = new OID(IF_ENTRY + "10.1");
        agent.advanceAll(500, 700, 5, 7);
        agent.advance(1, 100, 0, 1, 0);
        assertThat(get(v2c("ro-secret"), hcIn1)).isEqualTo(new Counter64(600));
        assertThat(get(v2c("ro-secret"), new OID(IFX_ENTRY + "10.2"))).isEqualTo(new Counter64(700));

        agent.setCounters(1, -10L, 0); // 2^64 - 10
        assertThat(((Counter64) get(v2c("ro-secret"), hcIn1)).getValue()).isEqualTo(-10L);
        assertThat(get(v2c("ro-secret"), in1)).isEqualTo(new Counter32(0xFFFFFFF6L));
        agent.advance(1, 25, 0, 0, 0);
        assertThat(get(v2c("ro-secret"), hcIn1)).isEqualTo(new Counter64(15));
        assertThat(get(v2c("ro-secret"), in1)).isEqualTo(new Counter32(15));
    }

    @Test
    void restartResetsUptimeAndCounters() throws IOException {
        agent.uptimeTicks(8_640_000);
        agent.advance(2, 5000, 6000, 50, 60);
        agent.setOperStatus(2, IfMibAgent.DOWN);
        assertThat(get(v2c("ro-secret"), SYS_UPTIME)).isEqualTo(new TimeTicks(8_640_000));
        assertThat(get(v2c("ro-secret"), new OID(IF_ENTRY + "8.2"))).isEqualTo(new Integer32(IfMibAgent.DOWN));
        assertThat(get(v2c("ro-secret"), new OID(IF_ENTRY + "9.2"))).isEqualTo(new TimeTicks(8_640_000));

        agent.restart();
        assertThat(get(v2c("ro-secret"), SYS_UPTIME)).isEqualTo(new TimeTicks(0));
        assertThat(get(v2c("ro-secret"), new OID(IFX_ENTRY + "6.2"))).isEqualTo(new Counter64(0));
        assertThat(get(v2c("ro-secret"), new OID(IF_ENTRY + "16.2"))).isEqualTo(new Counter32(0));
        agent.uptimeTicks(300);
        assertThat(get(v2c("ro-secret"), SYS_UPTIME)).isEqualTo(new TimeTicks(300));
    }

    @Test
    void v2cSetOfAdminStatusNeedsTheWriteCommunity() throws IOException {
        OID admin4 = new OID(IF_ENTRY + "7.4");
        PDU refused = set(v2c("ro-secret"), admin4, IfMibAgent.DOWN);
        assertThat(refused.getErrorStatus()).isNotZero();
        assertThat(agent.adminStatus(4)).isEqualTo(IfMibAgent.UP);

        PDU done = set(v2c("rw-secret"), admin4, IfMibAgent.DOWN);
        assertThat(done.getErrorStatus()).isZero();
        assertThat(agent.adminStatus(4)).isEqualTo(IfMibAgent.DOWN);
        assertThat(get(v2c("ro-secret"), admin4)).isEqualTo(new Integer32(IfMibAgent.DOWN));

        assertThat(set(v2c("rw-secret"), admin4, 7).getErrorStatus()).isEqualTo(PDU.wrongValue);
        assertThat(set(v2c("rw-secret"), new OID(IF_ENTRY + "8.4"), 2).getErrorStatus()).isNotZero();
        assertThat(agent.adminStatus(4)).isEqualTo(IfMibAgent.DOWN);
    }

    @Test
    void refusedSetsAnswerAnErrorAndChangeNothing() throws IOException {
        agent.refuseSets(true);
        PDU refused = set(v2c("rw-secret"), new OID(IF_ENTRY + "7.5"), IfMibAgent.DOWN);
        assertThat(refused.getErrorStatus()).isEqualTo(PDU.commitFailed);
        assertThat(agent.adminStatus(5)).isEqualTo(IfMibAgent.UP);
        assertThat(get(v2c("ro-secret"), new OID(IF_ENTRY + "7.5"))).isEqualTo(new Integer32(IfMibAgent.UP));

        agent.refuseSets(false);
        assertThat(set(v2c("rw-secret"), new OID(IF_ENTRY + "7.5"), IfMibAgent.DOWN).getErrorStatus()).isZero();
        assertThat(agent.adminStatus(5)).isEqualTo(IfMibAgent.DOWN);
    }

    @Test
    void v3AuthPrivGetAndSetWorkAndAWrongKeyIsRefused() throws IOException {
        Target<Address> v3 = v3("noc-auth-pass", "noc-priv-pass");
        assertThat(get(v3, SYS_NAME)).hasToString("sw-test-1");
        List<TableEvent> ifXTable = table(v3, IFX_ENTRY, 1);
        assertThat(ifXTable).extracting(e -> e.getColumns()[0].getVariable().toString())
                .containsExactlyElementsOf(names(12));

        assertThat(set(v3, new OID(IF_ENTRY + "7.6"), IfMibAgent.DOWN).getErrorStatus()).isZero();
        assertThat(agent.adminStatus(6)).isEqualTo(IfMibAgent.DOWN);

        ResponseEvent<Address> wrong = manager.send(pdu(PDU.GET, true, new VariableBinding(SYS_NAME)),
                v3("not-the-auth-pass", "noc-priv-pass"));
        assertThat(wrong.getResponse() == null || wrong.getResponse().getType() == PDU.REPORT).isTrue();
        ResponseEvent<Address> wrongSet = manager.send(
                pdu(PDU.SET, true, new VariableBinding(new OID(IF_ENTRY + "7.6"), new Integer32(IfMibAgent.UP))),
                v3("not-the-auth-pass", "noc-priv-pass"));
        assertThat(wrongSet.getResponse() == null || wrongSet.getResponse().getType() == PDU.REPORT).isTrue();
        assertThat(agent.adminStatus(6)).isEqualTo(IfMibAgent.DOWN);
    }

    @Test
    void sha256UserIsAccepted() throws IOException {
        try (IfMibAgent sha256 = IfMibAgent.builder().interfaces(2)
                .user("noc256", IfMibAgent.Auth.SHA256, "noc-auth-pass", "noc-priv-pass").start()) {
            DirectUserTarget<Address> target = direct(sha256, "noc256", IfMibAgent.Auth.SHA256, "noc-auth-pass",
                    "noc-priv-pass");
            assertThat(get(target, SYS_NAME)).hasToString("access-sw-1");
        }
    }

    @Test
    void anUnreachableAgentAnswersNothing() throws IOException {
        CommunityTarget<Address> target = v2c("ro-secret");
        target.setTimeout(300);
        target.setRetries(0);
        agent.setUnreachable(true);
        assertThat(manager.send(pdu(PDU.GET, false, new VariableBinding(SYS_NAME)), target).getResponse()).isNull();
        agent.setUnreachable(false);
        assertThat(get(v2c("ro-secret"), SYS_NAME)).hasToString("sw-test-1");
    }

    @Test
    void closeFreesThePort() throws IOException {
        int port = agent.port();
        agent.close();
        try (IfMibAgent again = IfMibAgent.builder().port(port).interfaces(1).start()) {
            assertThat(again.port()).isEqualTo(port);
        }
    }

    @Test
    void sendsV2cAndV3Traps() throws Exception {
        managerUsm.addUser(new OctetString("noc"), new OctetString(agent.engineId()),
                new UsmUser(new OctetString("noc"), IfMibAgent.Auth.SHA.oid(), new OctetString("noc-auth-pass"),
                        PrivAES128.ID, new OctetString("noc-priv-pass")));
        BlockingQueue<CommandResponderEvent<?>> received = new LinkedBlockingQueue<>();
        manager.addCommandResponder(new org.snmp4j.CommandResponder() {
            @Override
            public <A extends Address> void processPdu(CommandResponderEvent<A> event) {
                received.add(event);
            }
        });
        String receiver = "udp:127.0.0.1/" + ((UdpAddress) manager.getMessageDispatcher().getTransportMappings()
                .iterator().next().getListenAddress()).getPort();
        agent.uptimeTicks(4242);
        agent.setOperStatus(7, IfMibAgent.DOWN);

        agent.sendTrap(receiver, IfMibAgent.Trap.LINK_DOWN, 7);
        CommandResponderEvent<?> v2 = received.poll(10, TimeUnit.SECONDS);
        assertThat(v2).isNotNull();
        assertThat(v2.getMessageProcessingModel()).isEqualTo(org.snmp4j.mp.MessageProcessingModel.MPv2c);
        assertThat(new String(v2.getSecurityName(), StandardCharsets.US_ASCII)).isEqualTo("ro-secret");
        assertThat(v2.getPDU().getType()).isEqualTo(PDU.TRAP);
        assertThat(v2.getPDU().getVariable(SnmpConstants.sysUpTime)).isEqualTo(new TimeTicks(4242));
        assertThat(v2.getPDU().getVariable(SnmpConstants.snmpTrapOID)).isEqualTo(SnmpConstants.linkDown);
        assertThat(v2.getPDU().getVariable(new OID(IF_ENTRY + "1.7"))).isEqualTo(new Integer32(7));
        assertThat(v2.getPDU().getVariable(new OID(IF_ENTRY + "8.7"))).isEqualTo(new Integer32(IfMibAgent.DOWN));

        agent.sendTrapV3(receiver, IfMibAgent.Trap.LINK_UP, 9);
        CommandResponderEvent<?> v3 = received.poll(10, TimeUnit.SECONDS);
        assertThat(v3).isNotNull();
        assertThat(v3.getMessageProcessingModel()).isEqualTo(org.snmp4j.mp.MessageProcessingModel.MPv3);
        assertThat(v3.getSecurityLevel()).isEqualTo(SecurityLevel.AUTH_PRIV);
        assertThat(v3.getPDU()).isInstanceOf(ScopedPDU.class);
        assertThat(v3.getPDU().getVariable(SnmpConstants.snmpTrapOID)).isEqualTo(SnmpConstants.linkUp);
        assertThat(v3.getPDU().getVariable(new OID(IF_ENTRY + "1.9"))).isEqualTo(new Integer32(9));

        agent.sendTrap(receiver, IfMibAgent.Trap.COLD_START, 0);
        CommandResponderEvent<?> cold = received.poll(10, TimeUnit.SECONDS);
        assertThat(cold).isNotNull();
        assertThat(cold.getPDU().getVariable(SnmpConstants.snmpTrapOID)).isEqualTo(SnmpConstants.coldStart);
        assertThat(cold.getPDU().size()).isEqualTo(2);
    }

    @Test
    void netSnmpBulkWalkListsTheInterfaceNames() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/snmpbulkwalk")), "net-snmp tools not installed");
        String v2 = run("/usr/bin/snmpbulkwalk", "-v2c", "-c", "ro-secret", "-On", "-t", "2", "-r", "1",
                "udp:127.0.0.1:" + agent.port(), "1.3.6.1.2.1.31.1.1");
        for (String name : names(12)) {
            assertThat(v2).contains("\"" + name + "\"");
        }
        assertThat(v2.lines().filter(l -> l.startsWith(".1.3.6.1.2.1.31.1.1.1.1."))).hasSize(12);

        String walk = run("/usr/bin/snmpwalk", "-v2c", "-c", "ro-secret", "-On", "-t", "2", "-r", "1",
                "udp:127.0.0.1:" + agent.port(), "1.3.6.1.2.1.2");
        assertThat(walk.lines().filter(l -> l.startsWith(".1.3.6.1.2.1.2.2.1.2."))).hasSize(12);

        String v3 = run("/usr/bin/snmpbulkwalk", "-v3", "-l", "authPriv", "-u", "noc", "-a", "SHA", "-A",
                "noc-auth-pass", "-x", "AES", "-X", "noc-priv-pass", "-On", "-t", "2", "-r", "1",
                "udp:127.0.0.1:" + agent.port(), "1.3.6.1.2.1.31.1.1.1.1");
        assertThat(v3.lines().filter(l -> l.contains("ge-0/0/"))).hasSize(12);
    }

    private String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    private static List<String> names(int count) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            names.add(IfMibAgent.interfaceName(i));
        }
        return names;
    }

    private CommunityTarget<Address> v2c(String community) {
        CommunityTarget<Address> target = new CommunityTarget<>(GenericAddress.parse(agent.address()),
                new OctetString(community));
        target.setVersion(SnmpConstants.version2c);
        target.setTimeout(2000);
        target.setRetries(1);
        return target;
    }

    private DirectUserTarget<Address> v3(String authPass, String privPass) {
        return direct(agent, "noc", IfMibAgent.Auth.SHA, authPass, privPass);
    }

    /** DirectUserTarget takes keys localized to the agent's engine, not passphrases. */
    private static DirectUserTarget<Address> direct(IfMibAgent agent, String user, IfMibAgent.Auth auth,
            String authPass, String privPass) {
        SecurityProtocols protocols = SecurityProtocols.getInstance();
        byte[] authKey = protocols.passwordToKey(auth.oid(), new OctetString(authPass), agent.engineId());
        byte[] privKey = protocols.passwordToKey(PrivAES128.ID, auth.oid(), new OctetString(privPass),
                agent.engineId());
        DirectUserTarget<Address> target = new DirectUserTarget<>(GenericAddress.parse(agent.address()),
                new OctetString(user), agent.engineId(), protocols.getAuthenticationProtocol(auth.oid()),
                new OctetString(authKey), protocols.getPrivacyProtocol(PrivAES128.ID), new OctetString(privKey));
        target.setSecurityLevel(SecurityLevel.AUTH_PRIV);
        target.setTimeout(1000);
        target.setRetries(0);
        return target;
    }

    private static PDU pdu(int type, boolean scoped, VariableBinding vb) {
        PDU pdu = scoped ? new ScopedPDU() : new PDU();
        pdu.setType(type);
        pdu.add(vb);
        return pdu;
    }

    private Variable get(Target<Address> target, OID oid) throws IOException {
        PDU response = manager.send(pdu(PDU.GET, target.getVersion() == SnmpConstants.version3,
                new VariableBinding(oid)), target).getResponse();
        assertThat(response).as("response to GET " + oid).isNotNull();
        assertThat(response.getErrorStatus()).isZero();
        return response.get(0).getVariable();
    }

    private PDU set(Target<Address> target, OID oid, int value) throws IOException {
        PDU response = manager.send(pdu(PDU.SET, target.getVersion() == SnmpConstants.version3,
                new VariableBinding(oid, new Integer32(value))), target).getResponse();
        assertThat(response).as("response to SET " + oid).isNotNull();
        return response;
    }

    private List<TableEvent> table(Target<Address> target, String entry, int... columns) {
        TableUtils tables = new TableUtils(manager, new DefaultPDUFactory(PDU.GETBULK));
        tables.setMaxNumRowsPerPDU(10);
        OID[] oids = new OID[columns.length];
        for (int i = 0; i < columns.length; i++) {
            oids[i] = new OID(entry + columns[i]);
        }
        List<TableEvent> rows = tables.getTable(target, oids, null, null);
        assertThat(rows).allSatisfy(e -> assertThat(e.isError()).as(String.valueOf(e.getErrorMessage())).isFalse());
        return rows;
    }
}
