package io.ispflow.network.snmp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import org.snmp4j.CommunityTarget;
import org.snmp4j.DirectUserTarget;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.PDU;
import org.snmp4j.ScopedPDU;
import org.snmp4j.Snmp;
import org.snmp4j.Target;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.event.ResponseListener;
import org.snmp4j.mp.CounterSupport;
import org.snmp4j.mp.MPv1;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.MPv3;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.security.AuthHMAC192SHA256;
import org.snmp4j.security.AuthSHA;
import org.snmp4j.security.AuthenticationProtocol;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.PrivAES256;
import org.snmp4j.security.PrivacyProtocol;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.security.SecurityModels;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.smi.GenericAddress;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;
import org.snmp4j.util.DefaultPDUFactory;
import org.snmp4j.util.MultiThreadedMessageDispatcher;
import org.snmp4j.util.TableEvent;
import org.snmp4j.util.TableListener;
import org.snmp4j.util.TableUtils;
import org.snmp4j.util.ThreadPool;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The application's SNMP manager: one SNMP4J session on a UDP port of its own, with its own USM (not
 * SNMP4J's process-wide singletons, so that an agent in the same JVM keeps its own), used for GET,
 * SET and GETBULK table walks to any device. SNMPv3 targets carry their user's keys themselves
 * ({@link DirectUserTarget}), so devices whose users share a name but not a key never collide.
 */
@Component
public class SnmpSession implements SmartLifecycle {

    private final SnmpProperties properties;
    private volatile Snmp snmp;
    private volatile ThreadPool threads;
    private volatile SecurityProtocols protocols;
    /** Each device's SNMP engine id, found once (RFC 3414 discovery) and forgotten when a request fails. */
    private final Map<UdpAddress, byte[]> engineIds = new ConcurrentHashMap<>();
    /** The v3 keys localized to an engine: deriving them hashes a megabyte, so it is done once per engine. */
    private final Map<KeyFor, Keys> keys = new ConcurrentHashMap<>();

    private record KeyFor(OctetString engineId, SnmpCredentials.V3 credentials) {
    }

    private record Keys(OctetString auth, OctetString priv) {
    }

    SnmpSession(SnmpProperties properties) {
        this.properties = properties;
    }

    /** One row of a table walk: the row's index (e.g. the ifIndex) and the columns asked for, in order. */
    public record TableRow(OID index, VariableBinding[] columns) {
    }

    @Override
    public synchronized void start() {
        if (snmp != null) {
            return;
        }
        try {
            protocols = acceptedProtocols();
            OctetString engineId = new OctetString(MPv3.createLocalEngineID());
            USM usm = new USM(protocols, engineId, 0);
            SecurityModels models = new SecurityModels();
            models.addSecurityModel(usm);
            threads = ThreadPool.create("snmp-manager", properties.dispatcherThreads());
            MultiThreadedMessageDispatcher dispatcher = new MultiThreadedMessageDispatcher(threads,
                    new MessageDispatcherImpl());
            dispatcher.addMessageProcessingModel(new MPv1());
            dispatcher.addMessageProcessingModel(new MPv2c());
            dispatcher.addMessageProcessingModel(new MPv3(engineId.getValue(), new DefaultPDUFactory(),
                    protocols, models, CounterSupport.getInstance()));
            Snmp started = new Snmp(dispatcher, new DefaultUdpTransportMapping());
            started.listen();
            snmp = started;
        } catch (IOException e) {
            throw new UncheckedIOException("could not open the SNMP manager's UDP port", e);
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
        }
    }

    @Override
    public boolean isRunning() {
        return snmp != null;
    }

    /** Starts before anything that polls or provisions. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }

    /** The SNMP4J target for an endpoint; {@code write} picks the write community of an SNMPv2c device. */
    public Target<UdpAddress> target(SnmpEndpoint endpoint, boolean write) {
        UdpAddress address = (UdpAddress) GenericAddress.parse(endpoint.address());
        if (address == null) {
            throw new IllegalArgumentException("not a UDP address: " + endpoint.host() + ":" + endpoint.port());
        }
        Target<UdpAddress> target;
        if (endpoint.credentials() instanceof SnmpCredentials.V3 v3) {
            byte[] engineId = engineId(address);
            Keys localized = keys.computeIfAbsent(new KeyFor(new OctetString(engineId), v3), this::localize);
            DirectUserTarget<UdpAddress> user = new DirectUserTarget<>(address, new OctetString(v3.user()), engineId,
                    auth(v3.authProtocol()), localized.auth(), priv(v3.privProtocol()), localized.priv());
            user.setSecurityLevel(SecurityLevel.AUTH_PRIV);
            target = user;
        } else {
            SnmpCredentials.V2c v2c = (SnmpCredentials.V2c) endpoint.credentials();
            CommunityTarget<UdpAddress> community = new CommunityTarget<>(address,
                    new OctetString(v2c.communityFor(write)));
            community.setVersion(SnmpConstants.version2c);
            target = community;
        }
        target.setTimeout(properties.timeout().toMillis());
        target.setRetries(properties.retries());
        return target;
    }

    /** GET of the given objects; the answer's bindings in the order asked, or {@link SnmpFailure}. */
    public List<VariableBinding> get(SnmpEndpoint endpoint, OID... oids) {
        return await(getAsync(endpoint, oids));
    }

    /** GET of the given objects without waiting; fails with {@link SnmpFailure}. */
    public CompletableFuture<List<VariableBinding>> getAsync(SnmpEndpoint endpoint, OID... oids) {
        PDU pdu = pdu(endpoint, PDU.GET);
        for (OID oid : oids) {
            pdu.add(new VariableBinding(oid));
        }
        return send(endpoint, pdu, false);
    }

    /** SET of the given bindings with the write credentials; the device's answer, or {@link SnmpFailure}. */
    public List<VariableBinding> set(SnmpEndpoint endpoint, VariableBinding... bindings) {
        PDU pdu = pdu(endpoint, PDU.SET);
        for (VariableBinding binding : bindings) {
            pdu.add(binding);
        }
        return await(send(endpoint, pdu, true));
    }

    /** Waits for an answer; a failure is thrown as the {@link SnmpFailure} it is. */
    private static List<VariableBinding> await(CompletableFuture<List<VariableBinding>> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof SnmpFailure failure) {
                throw failure;
            }
            throw e;
        }
    }

    /**
     * Walks the given columns of a table with GETBULK, rows in index order. Completes with
     * {@link SnmpFailure} when the device does not answer or answers with an error.
     */
    public CompletableFuture<List<TableRow>> table(SnmpEndpoint endpoint, OID... columns) {
        Target<UdpAddress> target;
        try {
            target = target(endpoint, false);
        } catch (SnmpFailure e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<List<TableRow>> result = new CompletableFuture<>();
        result.whenComplete((rows, failure) -> {
            if (failure != null) {
                forgetEngine(endpoint);
            }
        });
        DefaultPDUFactory bulk = new DefaultPDUFactory(PDU.GETBULK);
        bulk.setMaxRepetitions(properties.maxRepetitions());
        TableUtils tables = new TableUtils(session(), bulk);
        tables.setMaxNumRowsPerPDU(properties.maxRepetitions());
        List<TableRow> rows = new ArrayList<>();
        tables.getTable(target, columns, new TableListener() {
            private volatile boolean finished;

            @Override
            public boolean next(TableEvent event) {
                if (event.isError()) {
                    return false;
                }
                rows.add(new TableRow(event.getIndex(), event.getColumns()));
                return true;
            }

            @Override
            public void finished(TableEvent event) {
                finished = true;
                if (event.isError()) {
                    boolean timedOut = event.getStatus() == TableEvent.STATUS_TIMEOUT;
                    result.completeExceptionally(new SnmpFailure(endpoint.host() + ":" + endpoint.port() + ": "
                            + (timedOut ? "no answer" : event.getErrorMessage()), timedOut));
                } else {
                    result.complete(rows);
                }
            }

            @Override
            public boolean isFinished() {
                return finished;
            }
        }, null, null, null);
        return result;
    }

    private CompletableFuture<List<VariableBinding>> send(SnmpEndpoint endpoint, PDU pdu, boolean write) {
        CompletableFuture<List<VariableBinding>> result = new CompletableFuture<>();
        result.whenComplete((bindings, failure) -> {
            if (failure != null) {
                forgetEngine(endpoint);
            }
        });
        Snmp session = session();
        ResponseListener listener = new ResponseListener() {
            @Override
            public <A extends org.snmp4j.smi.Address> void onResponse(ResponseEvent<A> event) {
                session.cancel(event.getRequest(), this);
                PDU response = event.getResponse();
                String device = endpoint.host() + ":" + endpoint.port();
                if (event.getError() != null) {
                    result.completeExceptionally(new SnmpFailure(device + ": " + event.getError().getMessage(),
                            event.getError()));
                } else if (response == null) {
                    result.completeExceptionally(new SnmpFailure(device + ": no answer", true));
                } else if (response.getErrorStatus() != PDU.noError) {
                    result.completeExceptionally(new SnmpFailure(device + ": " + response.getErrorStatusText()
                            + " (error " + response.getErrorStatus() + " at binding " + response.getErrorIndex() + ")",
                            false));
                } else if (response.getType() == PDU.REPORT && response.size() > 0) {
                    result.completeExceptionally(new SnmpFailure(device + ": refused by the device's security ("
                            + response.getVariableBindings().get(0).getOid() + ")", false));
                } else {
                    result.complete(List.copyOf(response.getVariableBindings()));
                }
            }
        };
        try {
            session.send(pdu, target(endpoint, write), null, listener);
        } catch (IOException e) {
            result.completeExceptionally(new SnmpFailure(endpoint.host() + ": could not send", e));
        } catch (SnmpFailure e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    private PDU pdu(SnmpEndpoint endpoint, int type) {
        PDU pdu = endpoint.credentials() instanceof SnmpCredentials.V3 ? new ScopedPDU() : new PDU();
        pdu.setType(type);
        if (type == PDU.GETBULK) {
            pdu.setMaxRepetitions(properties.maxRepetitions());
            pdu.setNonRepeaters(0);
        }
        return pdu;
    }

    private Snmp session() {
        Snmp current = snmp;
        if (current == null) {
            throw new IllegalStateException("the SNMP manager is not running");
        }
        return current;
    }

    /**
     * The SNMPv3 security protocols the application speaks (HMAC-SHA-1 and -SHA-256, AES-128 and -256),
     * a set of its own rather than SNMP4J's JVM-wide one; the trap receiver uses the same.
     */
    public static SecurityProtocols acceptedProtocols() {
        SecurityProtocols protocols = new SecurityProtocols(SecurityProtocols.SecurityProtocolSet.maxCompatibility);
        protocols.addAuthenticationProtocol(new AuthHMAC192SHA256());
        protocols.addPrivacyProtocol(new PrivAES256());
        return protocols;
    }

    private byte[] engineId(UdpAddress address) {
        byte[] known = engineIds.get(address);
        if (known != null) {
            return known;
        }
        byte[] discovered = session().discoverAuthoritativeEngineID(address, properties.timeout().toMillis()
                * (properties.retries() + 1));
        if (discovered == null || discovered.length == 0) {
            throw new SnmpFailure(address.getInetAddress().getHostAddress() + ":" + address.getPort()
                    + ": no answer to SNMPv3 engine discovery", true);
        }
        engineIds.put(address, discovered);
        return discovered;
    }

    private Keys localize(KeyFor key) {
        OID auth = auth(key.credentials().authProtocol()).getID();
        OID priv = priv(key.credentials().privProtocol()).getID();
        byte[] engine = key.engineId().getValue();
        return new Keys(
                new OctetString(protocols.passwordToKey(auth, new OctetString(key.credentials().authKey()), engine)),
                new OctetString(protocols.passwordToKey(priv, auth, new OctetString(key.credentials().privKey()),
                        engine)));
    }

    /** After a failed request to a v3 device, its engine id is found again next time (it may have been replaced). */
    private void forgetEngine(SnmpEndpoint endpoint) {
        if (endpoint.credentials() instanceof SnmpCredentials.V3) {
            UdpAddress address = (UdpAddress) GenericAddress.parse(endpoint.address());
            if (address != null) {
                engineIds.remove(address);
            }
        }
    }

    private static AuthenticationProtocol auth(SnmpCredentials.AuthProtocol protocol) {
        return switch (protocol) {
            case SHA -> new AuthSHA();
            case SHA256 -> new AuthHMAC192SHA256();
        };
    }

    private static PrivacyProtocol priv(SnmpCredentials.PrivProtocol protocol) {
        return switch (protocol) {
            case AES128 -> new PrivAES128();
            case AES256 -> new PrivAES256();
        };
    }
}
