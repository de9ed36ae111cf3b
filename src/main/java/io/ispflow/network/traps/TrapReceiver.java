package io.ispflow.network.traps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.snmp4j.CommandResponder;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.event.CounterEvent;
import org.snmp4j.mp.CounterSupport;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.MPv3;
import org.snmp4j.mp.MessageProcessingModel;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.mp.StatusInformation;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.security.SecurityModels;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.transport.DefaultUdpTransportMapping;
import org.snmp4j.util.DefaultPDUFactory;
import org.snmp4j.util.MultiThreadedMessageDispatcher;
import org.snmp4j.util.ThreadPool;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.ispflow.network.snmp.SnmpSession;
import io.ispflow.network.traps.TrapDrops.Reason;

/**
 * The SNMP trap receiver: SNMPv2c traps and informs, SNMPv3 (USM) traps and informs, on the UDP port of
 * {@code isp.network.traps}. A notification is kept only if it comes from a device of some company, by the
 * sender's address and credential (v2c: one of the device's communities; v3: the device's user, whose
 * keys authenticated and decrypted it); anything else is dropped and counted. A kept one is committed to
 * {@code snmp_traps} before an inform is answered, and becomes a network event through the inbox dispatcher.
 */
@Component
public class TrapReceiver implements SmartLifecycle, CommandResponder {

    private static final Logger log = LoggerFactory.getLogger(TrapReceiver.class);

    /** SNMP4J's counters of refused messages, by the reason they stand for. */
    private static final Map<OID, Reason> REFUSALS = Map.of(
            SnmpConstants.usmStatsWrongDigests, Reason.AUTHENTICATION_FAILED,
            SnmpConstants.usmStatsDecryptionErrors, Reason.DECRYPTION_FAILED,
            SnmpConstants.usmStatsNotInTimeWindows, Reason.NOT_IN_TIME_WINDOW,
            SnmpConstants.usmStatsUnsupportedSecLevels, Reason.UNSUPPORTED_SECURITY_LEVEL,
            SnmpConstants.snmpInASNParseErrs, Reason.MALFORMED,
            SnmpConstants.snmpInvalidMsgs, Reason.MALFORMED,
            SnmpConstants.snmpInBadVersions, Reason.UNSUPPORTED_VERSION);

    private final TrapProperties properties;
    private final TrapSources sources;
    private final TrapIntake intake;
    private final TrapDrops drops;
    private volatile Snmp snmp;
    private volatile DefaultUdpTransportMapping transport;
    private volatile ThreadPool threads;

    TrapReceiver(TrapProperties properties, TrapSources sources, TrapIntake intake, TrapDrops drops) {
        this.properties = properties;
        this.sources = sources;
        this.intake = intake;
        this.drops = drops;
    }

    /** The UDP port it listens on (the bound one when configured with port 0); empty when not listening. */
    public Optional<Integer> port() {
        DefaultUdpTransportMapping listening = transport;
        return listening == null ? Optional.empty() : Optional.of(listening.getListenAddress().getPort());
    }

    @Override
    public synchronized void start() {
        if (!properties.enabled() || snmp != null) {
            return;
        }
        try {
            SecurityProtocols protocols = SnmpSession.acceptedProtocols();
            OctetString engineId = new OctetString(MPv3.createLocalEngineID());
            CounterSupport counters = new CounterSupport();
            counters.addCounterListener(this::refused);
            SecurityModels models = new SecurityModels();
            models.addSecurityModel(new TrapUsm(protocols, engineId, counters, sources));
            MessageDispatcherImpl messages = new MessageDispatcherImpl();
            messages.addCounterListener(this::refused);
            threads = ThreadPool.create("snmp-traps", properties.threads());
            MultiThreadedMessageDispatcher dispatcher = new MultiThreadedMessageDispatcher(threads, messages);
            dispatcher.addMessageProcessingModel(new MPv2c());
            dispatcher.addMessageProcessingModel(new MPv3(engineId.getValue(), new DefaultPDUFactory(), protocols,
                    models, counters));
            transport = new DefaultUdpTransportMapping(
                    new UdpAddress(InetAddress.getByName(properties.address()), properties.port()));
            Snmp started = new Snmp(dispatcher, transport);
            started.addCommandResponder(this);
            started.listen();
            snmp = started;
            log.info("Receiving SNMP traps on udp:{}/{}", properties.address(), port().orElse(-1));
        } catch (IOException e) {
            throw new UncheckedIOException("could not open the SNMP trap port " + properties.port(), e);
        }
    }

    @Override
    public synchronized void stop() {
        if (snmp == null) {
            return;
        }
        try {
            snmp.close();
        } catch (IOException ignored) {
            // closing a UDP socket; nothing to recover
        } finally {
            threads.stop();
            snmp = null;
            transport = null;
        }
    }

    @Override
    public boolean isRunning() {
        return snmp != null;
    }

    @Override
    public <A extends org.snmp4j.smi.Address> void processPdu(CommandResponderEvent<A> event) {
        event.setProcessed(true);
        PDU pdu = event.getPDU();
        String sender = TrapUsm.host(event.getPeerAddress());
        if (pdu == null || pdu.getType() != PDU.TRAP && pdu.getType() != PDU.INFORM) {
            drops.drop(Reason.NOT_A_NOTIFICATION, sender);
            return;
        }
        boolean v3 = event.getMessageProcessingModel() == MessageProcessingModel.MPv3;
        if (v3 && event.getSecurityLevel() != SecurityLevel.AUTH_PRIV) {
            // USM lets a message with less security than its user has through; devices send authPriv only
            drops.drop(Reason.UNSUPPORTED_SECURITY_LEVEL, sender);
            return;
        }
        Optional<TrapSources.Source> source = v3
                ? sources.v3(sender, new String(event.getSecurityName(), java.nio.charset.StandardCharsets.UTF_8))
                : sources.v2c(sender, event.getSecurityName());
        if (source.isEmpty()) {
            drops.drop(sources.at(sender).isEmpty() ? Reason.UNKNOWN_SOURCE
                    : v3 ? Reason.UNKNOWN_USER : Reason.WRONG_COMMUNITY, sender);
            return;
        }
        intake.store(source.get(), ReceivedTrap.of(sender, v3 ? "v3" : "v2c", pdu));
        if (pdu.getType() == PDU.INFORM) {
            acknowledge(event, pdu);
        }
    }

    /** Answers an inform once its row is committed (a repeat is answered too: it is stored). */
    private <A extends org.snmp4j.smi.Address> void acknowledge(CommandResponderEvent<A> event, PDU inform) {
        PDU response = (PDU) inform.clone();
        response.setType(PDU.RESPONSE);
        response.setErrorStatus(PDU.noError);
        response.setErrorIndex(0);
        try {
            event.getMessageDispatcher().returnResponsePdu(event.getMessageProcessingModel(),
                    event.getSecurityModel(), event.getSecurityName(), event.getSecurityLevel(), response,
                    event.getMaxSizeResponsePDU(), event.getStateReference(), new StatusInformation());
        } catch (Exception e) {
            // the sender asks again and the repeat is answered then
            log.warn("Could not answer an inform from {}: {}", TrapUsm.host(event.getPeerAddress()), e.getMessage());
        }
    }

    private void refused(CounterEvent counted) {
        Reason reason = REFUSALS.get(counted.getOid());
        String sender = TrapUsm.sender().orElse("an unknown address");
        if (SnmpConstants.usmStatsUnknownUserNames.equals(counted.getOid())) {
            reason = TrapUsm.sender().map(sources::at).map(java.util.List::isEmpty).orElse(true)
                    ? Reason.UNKNOWN_SOURCE : Reason.UNKNOWN_USER;
        }
        if (reason != null) {
            drops.drop(reason, sender);
        }
    }
}
