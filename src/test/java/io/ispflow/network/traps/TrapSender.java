package io.ispflow.network.traps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;

import org.snmp4j.CommunityTarget;
import org.snmp4j.DirectUserTarget;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.PDU;
import org.snmp4j.ScopedPDU;
import org.snmp4j.Snmp;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.mp.CounterSupport;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.MPv3;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.security.AuthSHA;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.security.SecurityModels;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;
import org.snmp4j.util.DefaultPDUFactory;

/**
 * A device sending notifications from a loopback address of its choice (127.0.0.1, or 127.0.0.2 for a
 * sender no company has), as SNMPv2c traps or informs or SNMPv3 authPriv traps (SHA, AES-128), with
 * SNMP4J; and a sender of any bytes.
 */
final class TrapSender implements AutoCloseable {

    private final Snmp snmp;
    private final OctetString engineId = new OctetString(MPv3.createLocalEngineID());
    private final UdpAddress receiver;

    TrapSender(String fromHost, int receiverPort) {
        try {
            SecurityProtocols protocols = new SecurityProtocols(SecurityProtocols.SecurityProtocolSet.maxCompatibility);
            SecurityModels models = new SecurityModels();
            models.addSecurityModel(new USM(protocols, engineId, 0));
            MessageDispatcherImpl dispatcher = new MessageDispatcherImpl();
            dispatcher.addMessageProcessingModel(new MPv2c());
            dispatcher.addMessageProcessingModel(new MPv3(engineId.getValue(), new DefaultPDUFactory(), protocols,
                    models, new CounterSupport()));
            snmp = new Snmp(dispatcher, new DefaultUdpTransportMapping(new UdpAddress(fromHost + "/0")));
            snmp.listen();
            receiver = new UdpAddress("127.0.0.1/" + receiverPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** linkDown/linkUp variables as IF-MIB sends them: ifIndex, ifAdminStatus, ifOperStatus of the port. */
    static VariableBinding[] link(long uptime, OID trap, int ifIndex) {
        int status = trap.equals(SnmpConstants.linkUp) ? 1 : 2;
        return new VariableBinding[] {new VariableBinding(SnmpConstants.sysUpTime, new TimeTicks(uptime)),
                new VariableBinding(SnmpConstants.snmpTrapOID, trap),
                new VariableBinding(new OID("1.3.6.1.2.1.2.2.1.1." + ifIndex), new Integer32(ifIndex)),
                new VariableBinding(new OID("1.3.6.1.2.1.2.2.1.7." + ifIndex), new Integer32(status)),
                new VariableBinding(new OID("1.3.6.1.2.1.2.2.1.8." + ifIndex), new Integer32(status))};
    }

    void v2cTrap(String community, VariableBinding... bindings) {
        send(new PDU(), PDU.TRAP, community(community), bindings);
    }

    /** An inform; the receiver's answer, or null when it did not answer within the timeout. */
    PDU v2cInform(String community, VariableBinding... bindings) {
        return send(new PDU(), PDU.INFORM, community(community), bindings);
    }

    void v3Trap(String user, String authKey, String privKey, VariableBinding... bindings) {
        v3Trap(SecurityLevel.AUTH_PRIV, user, authKey, privKey, bindings);
    }

    /** An SNMPv3 trap at a security level of the sender's choice (authNoPriv, noAuthNoPriv: keys unused). */
    void v3Trap(int securityLevel, String user, String authKey, String privKey, VariableBinding... bindings) {
        DirectUserTarget<UdpAddress> target = new DirectUserTarget<>(receiver, new OctetString(user),
                securityLevel == SecurityLevel.NOAUTH_NOPRIV ? null : new AuthSHA(),
                securityLevel == SecurityLevel.NOAUTH_NOPRIV ? null : new OctetString(authKey),
                securityLevel == SecurityLevel.AUTH_PRIV ? new PrivAES128() : null,
                securityLevel == SecurityLevel.AUTH_PRIV ? new OctetString(privKey) : null);
        target.setSecurityLevel(securityLevel);
        target.setAuthoritativeEngineID(engineId.getValue());
        ScopedPDU pdu = new ScopedPDU();
        pdu.setContextEngineID(engineId);
        send(pdu, PDU.TRAP, target, bindings);
    }

    /** A datagram of any bytes to the receiver's port. */
    void bytes(byte[] datagram) {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            socket.send(new DatagramPacket(datagram, datagram.length, receiver.getInetAddress(), receiver.getPort()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CommunityTarget<UdpAddress> community(String community) {
        CommunityTarget<UdpAddress> target = new CommunityTarget<>(receiver, new OctetString(community));
        target.setVersion(SnmpConstants.version2c);
        target.setTimeout(3_000);
        target.setRetries(0);
        return target;
    }

    private PDU send(PDU pdu, int type, org.snmp4j.Target<UdpAddress> target, VariableBinding... bindings) {
        pdu.setType(type);
        for (VariableBinding binding : bindings) {
            pdu.add(binding);
        }
        try {
            ResponseEvent<UdpAddress> answer = snmp.send(pdu, target);
            return answer == null ? null : answer.getResponse();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            snmp.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
