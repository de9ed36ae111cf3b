package io.ispflow.network.traps;

import java.io.IOException;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.snmp4j.TransportStateReference;
import org.snmp4j.asn1.BERInputStream;
import org.snmp4j.asn1.BEROutputStream;
import org.snmp4j.mp.CounterSupport;
import org.snmp4j.mp.StatusInformation;
import org.snmp4j.security.AuthHMAC192SHA256;
import org.snmp4j.security.AuthSHA;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.PrivAES256;
import org.snmp4j.security.SecurityModel;
import org.snmp4j.security.SecurityParameters;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.SecurityStateReference;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.security.UsmUserEntry;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;

import io.ispflow.network.snmp.SnmpCredentials;

/**
 * SNMP4J's USM with the users taken from the devices, by the sender's address and the message's user
 * name. A trap's authoritative engine is the sending device, which the receiver has never discovered;
 * SNMP4J would localize a user added without an engine id for any engine that names it, but one table of
 * users by name cannot hold two companies' users of the same name with different keys. So the user is
 * looked up per message (address and name), and its keys localized for the engine that sent it (cached).
 */
class TrapUsm extends USM {

    private static final ThreadLocal<Address> SENDER = new ThreadLocal<>();

    private final TrapSources sources;
    private final SecurityProtocols protocols;
    private final Cache<LocalizedKey, UsmUserEntry> localized = Caffeine.newBuilder().maximumSize(10_000).build();

    private record LocalizedKey(TrapSources.Source source, OctetString engineId) {
    }

    TrapUsm(SecurityProtocols protocols, OctetString localEngineId, CounterSupport counters, TrapSources sources) {
        super(protocols, localEngineId, 0, counters);
        this.protocols = protocols;
        this.sources = sources;
    }

    /** The address of the message being processed on this thread, while its security is checked. */
    static Optional<String> sender() {
        return Optional.ofNullable(SENDER.get()).map(TrapUsm::host);
    }

    static String host(Address address) {
        return address instanceof IpAddress ip ? ip.getInetAddress().getHostAddress() : String.valueOf(address);
    }

    @Override
    public int processIncomingMsg(int messageProcessingModel, int maxMessageSize,
            SecurityParameters securityParameters, SecurityModel securityModel, int securityLevel,
            BERInputStream wholeMsg, TransportStateReference tmStateReference, OctetString securityEngineID,
            OctetString securityName, BEROutputStream scopedPDU, Integer32 maxSizeResponseScopedPDU,
            SecurityStateReference securityStateReference, StatusInformation statusInfo) throws IOException {
        SENDER.set(tmStateReference == null ? null : tmStateReference.getAddress());
        try {
            return super.processIncomingMsg(messageProcessingModel, maxMessageSize, securityParameters,
                    securityModel, securityLevel, wholeMsg, tmStateReference, securityEngineID, securityName,
                    scopedPDU, maxSizeResponseScopedPDU, securityStateReference, statusInfo);
        } finally {
            SENDER.remove();
        }
    }

    @Override
    public UsmUserEntry getUser(OctetString engineID, OctetString securityName, UsmUser.LocalizationGrant grant) {
        Optional<String> sender = sender();
        if (sender.isEmpty() || engineID == null || engineID.length() == 0) {
            return super.getUser(engineID, securityName, grant);
        }
        return sources.v3(sender.get(), securityName.toString())
                .map(source -> localized.get(new LocalizedKey(source, engineID),
                        key -> localize(key.source(), key.engineId(), securityName)))
                .orElse(null);
    }

    private UsmUserEntry localize(TrapSources.Source source, OctetString engineId, OctetString userName) {
        SnmpCredentials.V3 v3 = (SnmpCredentials.V3) source.credentials();
        OID auth = switch (v3.authProtocol()) {
            case SHA -> AuthSHA.ID;
            case SHA256 -> AuthHMAC192SHA256.ID;
        };
        OID priv = switch (v3.privProtocol()) {
            case AES128 -> PrivAES128.ID;
            case AES256 -> PrivAES256.ID;
        };
        byte[] engine = engineId.getValue();
        byte[] authKey = protocols.passwordToKey(auth, new OctetString(v3.authKey()), engine);
        byte[] privKey = protocols.passwordToKey(priv, auth, new OctetString(v3.privKey()), engine);
        return new UsmUserEntry(engine, userName, auth, authKey, priv, privKey);
    }
}
