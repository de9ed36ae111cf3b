package io.ispflow.demo.snmp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.snmp4j.CommandResponder;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.CommunityTarget;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.PDU;
import org.snmp4j.ScopedPDU;
import org.snmp4j.Snmp;
import org.snmp4j.Target;
import org.snmp4j.TransportMapping;
import org.snmp4j.TransportStateReference;
import org.snmp4j.UserTarget;
import org.snmp4j.agent.CommandProcessor;
import org.snmp4j.agent.DefaultMOServer;
import org.snmp4j.agent.DuplicateRegistrationException;
import org.snmp4j.agent.MOServer;
import org.snmp4j.agent.mo.snmp.CoexistenceInfo;
import org.snmp4j.agent.mo.snmp.CoexistenceInfoProvider;
import org.snmp4j.agent.mo.snmp.StorageType;
import org.snmp4j.agent.mo.snmp.VacmMIB;
import org.snmp4j.agent.security.MutableVACM;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.CounterSupport;
import org.snmp4j.mp.MPv3;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.security.AuthHMAC192SHA256;
import org.snmp4j.security.AuthSHA;
import org.snmp4j.security.AuthenticationProtocol;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.security.SecurityModel;
import org.snmp4j.security.SecurityModels;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.GenericAddress;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;
import org.snmp4j.util.DefaultPDUFactory;

/**
 * An SNMP agent on loopback that answers like an access switch: the SNMPv2-MIB system group and the
 * IF-MIB {@code ifTable} and {@code ifXTable} for a number of interfaces ({@code ge-0/0/1} …, 1000 Mbit/s).
 * It speaks SNMPv2c (a read-only and a read-write community) and SNMPv3 USM with one authPriv user
 * (HMAC-SHA-1 or HMAC-SHA-256, AES-128) that may write {@code ifAdminStatus}, and sends linkDown, linkUp and
 * coldStart notifications as v2c or v3 traps.
 *
 * <p>The demo run, the tests and the benchmarks script it: counters grow by {@link #advance}, wrap by
 * {@link #setCounters}, the device reboots by {@link #restart()}, goes silent by {@link #setUnreachable},
 * refuses writes by {@link #refuseSets}, and {@code sysUpTime} follows {@link #uptimeTicks(long)} when set.
 * Values are computed from the counters on every read; all methods are thread-safe. Nothing is written to disk.
 */
public final class IfMibAgent implements AutoCloseable {

    /** The notifications the agent sends. */
    public enum Trap {
        COLD_START(SnmpConstants.coldStart), LINK_DOWN(SnmpConstants.linkDown), LINK_UP(SnmpConstants.linkUp);

        private final OID oid;

        Trap(OID oid) {
            this.oid = oid;
        }

        /** {@code snmpTrapOID.0} of this notification. */
        public OID oid() {
            return new OID(oid);
        }
    }

    /** The USM authentication protocol of the v3 user. */
    public enum Auth {
        /** usmHMACSHAAuthProtocol (HMAC-SHA-1-96). */
        SHA(new AuthSHA()),
        /** usmHMAC192SHA256AuthProtocol (RFC 7860). */
        SHA256(new AuthHMAC192SHA256());

        private final AuthenticationProtocol protocol;

        Auth(AuthenticationProtocol protocol) {
            this.protocol = protocol;
        }

        public OID oid() {
            return protocol.getID();
        }
    }

    /** ifAdminStatus / ifOperStatus values. */
    public static final int UP = 1;
    public static final int DOWN = 2;

    private final Settings settings;
    private final IfMibData data;
    private final OctetString engineId;
    private final Snmp snmp;
    private final DefaultUdpTransportMapping transport;
    private final AtomicLong requests = new AtomicLong();
    private volatile boolean unreachable;
    private volatile boolean closed;

    private IfMibAgent(Settings settings) throws IOException {
        this.settings = settings;
        this.data = new IfMibData(settings.interfaces, settings.sysDescr, settings.sysObjectId, settings.sysName,
                runningClock());
        this.engineId = new OctetString(MPv3.createLocalEngineID(
                new OctetString(UUID.randomUUID().toString().substring(0, 23))));

        SecurityProtocols protocols = SecurityProtocols.getInstance();
        protocols.addDefaultProtocols();
        protocols.addAuthenticationProtocol(new AuthSHA());
        protocols.addAuthenticationProtocol(new AuthHMAC192SHA256());
        protocols.addPrivacyProtocol(new PrivAES128());
        USM usm = new USM(protocols, engineId, 1);
        usm.addUser(new UsmUser(new OctetString(settings.user), settings.auth.oid(),
                new OctetString(settings.authPassphrase), PrivAES128.ID, new OctetString(settings.privPassphrase)));

        MessageDispatcherImpl dispatcher = new MessageDispatcherImpl() {
            @Override
            public <A extends org.snmp4j.smi.Address> void processMessage(TransportMapping<? super A> source,
                    A incomingAddress, ByteBuffer wholeMessage, TransportStateReference tmStateReference) {
                if (!unreachable) {
                    super.processMessage(source, incomingAddress, wholeMessage, tmStateReference);
                }
            }
        };
        dispatcher.addMessageProcessingModel(new MPv2c());
        dispatcher.addMessageProcessingModel(new MPv3(engineId.getValue(), new DefaultPDUFactory(), protocols,
                new SecurityModels().addSecurityModel(usm), CounterSupport.getInstance()));

        transport = new DefaultUdpTransportMapping(new UdpAddress(InetAddress.getLoopbackAddress(), settings.port));
        snmp = new Snmp(dispatcher, transport);

        MOServer server = new DefaultMOServer();
        try {
            server.register(data, null);
        } catch (DuplicateRegistrationException e) {
            throw new IllegalStateException(e);
        }
        CommandProcessor processor = new CommandProcessor(engineId);
        processor.addMOServer(server);
        processor.setVacm(vacm(server, settings));
        processor.setCoexistenceProvider(new Communities(engineId, settings.readCommunity, settings.writeCommunity));
        snmp.addCommandResponder(new CountingResponder(processor, requests));
        try {
            snmp.listen();
        } catch (IOException | RuntimeException e) {
            snmp.close();
            throw e;
        }
    }

    /** An agent with {@code interfaces} interfaces and the default names and secrets, on a free port. */
    public static IfMibAgent start(int interfaces) {
        return builder().interfaces(interfaces).start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The UDP port the agent listens on (127.0.0.1). */
    public int port() {
        return transport.getListenAddress().getPort();
    }

    /** The agent's address as SNMP4J writes it: {@code udp:127.0.0.1/NNNN}. */
    public String address() {
        return "udp:127.0.0.1/" + port();
    }

    public String readCommunity() {
        return settings.readCommunity;
    }

    public String writeCommunity() {
        return settings.writeCommunity;
    }

    public String user() {
        return settings.user;
    }

    public String authPassphrase() {
        return settings.authPassphrase;
    }

    public String privPassphrase() {
        return settings.privPassphrase;
    }

    public Auth auth() {
        return settings.auth;
    }

    /** The agent's snmpEngineID (the authoritative engine of its v3 requests and traps). */
    public byte[] engineId() {
        return engineId.getValue();
    }

    public String sysName() {
        return settings.sysName;
    }

    public int interfaceCount() {
        return settings.interfaces;
    }

    /** The name of an interface ({@code ifName} and {@code ifDescr}), e.g. {@code ge-0/0/3} for ifIndex 3. */
    public static String interfaceName(int ifIndex) {
        return IfMibData.name(ifIndex);
    }

    /** Adds traffic to one interface (octets and unicast packets, both directions). */
    public void advance(int ifIndex, long inOctets, long outOctets, long inPkts, long outPkts) {
        data.advance(ifIndex, inOctets, outOctets, inPkts, outPkts);
    }

    /** Adds the same traffic to every interface. */
    public void advanceAll(long inOctets, long outOctets, long inPkts, long outPkts) {
        for (int i = 1; i <= settings.interfaces; i++) {
            data.advance(i, inOctets, outOctets, inPkts, outPkts);
        }
    }

    /** Adds input and output errors to one interface. */
    public void addErrors(int ifIndex, long inErrors, long outErrors) {
        data.addErrors(ifIndex, inErrors, outErrors);
    }

    /**
     * Places the 64-bit octet counters (unsigned; e.g. {@code -10L} is 2^64 - 10), so that a wrap can be
     * scripted. The Counter32 columns show the low 32 bits.
     */
    public void setCounters(int ifIndex, long hcInOctets, long hcOutOctets) {
        data.setCounters(ifIndex, hcInOctets, hcOutOctets);
    }

    /** ifHCInOctets of an interface (unsigned). */
    public long inOctets(int ifIndex) {
        return data.inOctets(ifIndex);
    }

    /** ifHCOutOctets of an interface (unsigned). */
    public long outOctets(int ifIndex) {
        return data.outOctets(ifIndex);
    }

    /** Sets ifOperStatus ({@link #UP} or {@link #DOWN}); ifLastChange takes the current sysUpTime. */
    public void setOperStatus(int ifIndex, int status) {
        data.setOperStatus(ifIndex, status, uptime());
    }

    public int operStatus(int ifIndex) {
        return data.operStatus(ifIndex);
    }

    /** ifAdminStatus as the last SET (or {@link #setAdminStatus}) left it. */
    public int adminStatus(int ifIndex) {
        return data.adminStatus(ifIndex);
    }

    public void setAdminStatus(int ifIndex, int status) {
        data.setAdminStatus(ifIndex, status);
    }

    /** Sets ifAlias (empty at start), e.g. the client or uplink a port serves. */
    public void setAlias(int ifIndex, String alias) {
        data.setAlias(ifIndex, Objects.requireNonNull(alias));
    }

    /** While true, a SET of ifAdminStatus answers commitFailed and changes nothing. */
    public void refuseSets(boolean refuse) {
        data.refuseSets(refuse);
    }

    /** While true, the agent answers nothing at all (a device that is down or out of reach). */
    public void setUnreachable(boolean unreachable) {
        this.unreachable = unreachable;
    }

    /**
     * Fixes sysUpTime to {@code ticks} hundredths of a second (it no longer runs with the clock); the
     * scripted way to move time forward.
     */
    public void uptimeTicks(long ticks) {
        data.uptime(() -> ticks, true);
    }

    /** sysUpTime in hundredths of a second, as the agent answers it now. */
    public long uptime() {
        return data.uptime();
    }

    /**
     * A reboot: sysUpTime starts again from 0 (or stays at 0 when it was fixed by {@link #uptimeTicks}),
     * every counter is 0, ifLastChange is 0; statuses are kept.
     */
    public void restart() {
        if (data.uptimeFixed()) {
            uptimeTicks(0);
        } else {
            data.uptime(runningClock(), false);
        }
        data.resetCounters();
    }

    /** Requests (PDUs of any version) the agent has answered or refused since it started. */
    public long requestsServed() {
        return requests.get();
    }

    /**
     * Sends a notification as an SNMPv2c trap with the read community: sysUpTime.0, snmpTrapOID.0 and, for
     * linkDown/linkUp, ifIndex, ifAdminStatus and ifOperStatus of {@code ifIndex} (ignored for coldStart).
     */
    public void sendTrap(String target, Trap kind, int ifIndex) {
        CommunityTarget<org.snmp4j.smi.Address> t = new CommunityTarget<>(GenericAddress.parse(target),
                new OctetString(settings.readCommunity));
        t.setVersion(SnmpConstants.version2c);
        PDU pdu = new PDU();
        send(pdu, t, kind, ifIndex);
    }

    /** The same notification as an SNMPv3 trap from the agent's user (authPriv), the agent being authoritative. */
    public void sendTrapV3(String target, Trap kind, int ifIndex) {
        UserTarget<org.snmp4j.smi.Address> t = new UserTarget<>(GenericAddress.parse(target),
                new OctetString(settings.user), engineId.getValue(), SecurityLevel.AUTH_PRIV);
        t.setSecurityModel(SecurityModel.SECURITY_MODEL_USM);
        ScopedPDU pdu = new ScopedPDU();
        pdu.setContextEngineID(engineId);
        send(pdu, t, kind, ifIndex);
    }

    private void send(PDU pdu, Target<org.snmp4j.smi.Address> target, Trap kind, int ifIndex) {
        pdu.setType(PDU.TRAP);
        pdu.add(new VariableBinding(SnmpConstants.sysUpTime, new TimeTicks(uptime())));
        pdu.add(new VariableBinding(SnmpConstants.snmpTrapOID, kind.oid()));
        if (kind != Trap.COLD_START) {
            pdu.addAll(data.linkVarbinds(ifIndex));
        }
        try {
            snmp.send(pdu, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Frees the port and the listening thread. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            snmp.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LongSupplier runningClock() {
        long start = System.nanoTime();
        return () -> (System.nanoTime() - start) / 10_000_000L;
    }

    private static MutableVACM vacm(MOServer server, Settings s) {
        VacmMIB vacm = new VacmMIB(new MOServer[] {server});
        OctetString read = new OctetString("all");
        OctetString write = new OctetString("adminStatus");
        OctetString none = new OctetString();
        vacm.addViewTreeFamily(read, new OID("1.3"), none, VacmMIB.vacmViewIncluded, StorageType.nonVolatile);
        vacm.addViewTreeFamily(write, IfMibData.IF_ADMIN_STATUS, none, VacmMIB.vacmViewIncluded,
                StorageType.nonVolatile);
        OctetString ro = new OctetString("ro");
        OctetString rw = new OctetString("rw");
        OctetString v3 = new OctetString("v3rw");
        for (int model : new int[] {SecurityModel.SECURITY_MODEL_SNMPv1, SecurityModel.SECURITY_MODEL_SNMPv2c}) {
            vacm.addGroup(model, new OctetString(s.readCommunity), ro, StorageType.nonVolatile);
            vacm.addGroup(model, new OctetString(s.writeCommunity), rw, StorageType.nonVolatile);
            vacm.addAccess(ro, none, model, SecurityLevel.NOAUTH_NOPRIV, MutableVACM.VACM_MATCH_EXACT, read, none,
                    read, StorageType.nonVolatile);
            vacm.addAccess(rw, none, model, SecurityLevel.NOAUTH_NOPRIV, MutableVACM.VACM_MATCH_EXACT, read, write,
                    read, StorageType.nonVolatile);
        }
        vacm.addGroup(SecurityModel.SECURITY_MODEL_USM, new OctetString(s.user), v3, StorageType.nonVolatile);
        vacm.addAccess(v3, none, SecurityModel.SECURITY_MODEL_USM, SecurityLevel.AUTH_PRIV,
                MutableVACM.VACM_MATCH_EXACT, read, write, read, StorageType.nonVolatile);
        return vacm;
    }

    /** Each community is its own security name in the default context; others are not answered. */
    private record Communities(OctetString engineId, String read, String write) implements CoexistenceInfoProvider {
        @Override
        public CoexistenceInfo[] getCoexistenceInfo(OctetString community) {
            String c = community.toString();
            if (!c.equals(read) && !c.equals(write)) {
                return null;
            }
            return new CoexistenceInfo[] {new CoexistenceInfo(community, engineId, new OctetString())};
        }

        @Override
        public OctetString getCommunity(OctetString securityName, OctetString contextEngineId,
                OctetString contextName) {
            return securityName;
        }

        @Override
        public boolean passesFilter(org.snmp4j.smi.Address address, CoexistenceInfo info) {
            return true;
        }
    }

    /** Counts every request before the command processor answers it. */
    private record CountingResponder(CommandResponder delegate, AtomicLong count) implements CommandResponder {
        @Override
        public <A extends org.snmp4j.smi.Address> void processPdu(CommandResponderEvent<A> event) {
            count.incrementAndGet();
            delegate.processPdu(event);
        }
    }

    private record Settings(int interfaces, int port, String sysName, String sysDescr, OID sysObjectId,
            String readCommunity, String writeCommunity, String user, Auth auth, String authPassphrase,
            String privPassphrase) {
    }

    /** Names, secrets and size of an agent; every setting has a default. */
    public static final class Builder {
        private int interfaces = 24;
        private int port;
        private String sysName = "access-sw-1";
        private String sysDescr = "ISPFlow simulated access switch";
        private OID sysObjectId = new OID("1.3.6.1.4.1.8072.3.2.10");
        private String readCommunity = "public";
        private String writeCommunity = "private";
        private String user = "ispflow";
        private Auth auth = Auth.SHA;
        private String authPassphrase = "ispflow-auth-pass";
        private String privPassphrase = "ispflow-priv-pass";

        private Builder() {
        }

        public Builder interfaces(int interfaces) {
            if (interfaces < 1) {
                throw new IllegalArgumentException("at least one interface");
            }
            this.interfaces = interfaces;
            return this;
        }

        /** UDP port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder sysName(String sysName) {
            this.sysName = Objects.requireNonNull(sysName);
            return this;
        }

        public Builder sysDescr(String sysDescr) {
            this.sysDescr = Objects.requireNonNull(sysDescr);
            return this;
        }

        public Builder sysObjectId(String oid) {
            this.sysObjectId = new OID(oid);
            return this;
        }

        public Builder communities(String read, String write) {
            this.readCommunity = Objects.requireNonNull(read);
            this.writeCommunity = Objects.requireNonNull(write);
            return this;
        }

        /** The v3 user (authPriv, AES-128); passphrases of at least 8 characters. */
        public Builder user(String name, Auth auth, String authPassphrase, String privPassphrase) {
            if (authPassphrase.length() < 8 || privPassphrase.length() < 8) {
                throw new IllegalArgumentException("USM passphrases have at least 8 characters");
            }
            this.user = Objects.requireNonNull(name);
            this.auth = Objects.requireNonNull(auth);
            this.authPassphrase = authPassphrase;
            this.privPassphrase = privPassphrase;
            return this;
        }

        public IfMibAgent start() {
            try {
                return new IfMibAgent(new Settings(interfaces, port, sysName, sysDescr, sysObjectId, readCommunity,
                        writeCommunity, user, auth, authPassphrase, privPassphrase));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
