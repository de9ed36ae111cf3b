package io.ispflow.network.traps;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.network.snmp.DeviceAccess;
import io.ispflow.network.snmp.DeviceAccessChanged;
import io.ispflow.network.snmp.SnmpCredentials;
import io.ispflow.network.snmp.SnmpEndpoint;
import io.ispflow.platform.TenantScope;

/**
 * Which device sent a trap: the devices of every company at the sender's address, kept for a short while
 * per address (decrypting them for every trap would be slow), and the one among them whose credential
 * the trap carries. Companies may use the same private addresses; the credential decides.
 */
@Component
class TrapSources {

    /** A device that may send traps: its id, company and SNMP credentials. */
    record Source(UUID equipmentId, UUID companyId, SnmpCredentials credentials) {
    }

    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;
    private final TransactionTemplate transactions;
    private final DeviceAccess access;
    private final LoadingCache<String, List<Source>> byAddress;

    TrapSources(JdbcTemplate jdbc, TenantScope tenantScope, TransactionTemplate transactions, DeviceAccess access,
            TrapProperties properties) {
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
        this.transactions = transactions;
        this.access = access;
        this.byAddress = Caffeine.newBuilder().maximumSize(10_000)
                .expireAfterWrite(properties.sourceCacheTtl()).build(this::load);
    }

    /** The devices of all companies with this management address. */
    List<Source> at(String host) {
        return byAddress.get(host);
    }

    /** The SNMPv2c device at this address with this community (read or write). */
    Optional<Source> v2c(String host, byte[] community) {
        return at(host).stream()
                .filter(source -> source.credentials() instanceof SnmpCredentials.V2c v2c
                        && (same(v2c.community(), community) || same(v2c.writeCommunity(), community)))
                .findFirst();
    }

    /**
     * The SNMPv3 device at this address with this user name. Devices at one address are told apart by
     * their user names: if two had the same name, the first one's keys are tried.
     */
    Optional<Source> v3(String host, String user) {
        return at(host).stream()
                .filter(source -> source.credentials() instanceof SnmpCredentials.V3 v3 && v3.user().equals(user))
                .findFirst();
    }

    @EventListener
    void onAccessChanged(DeviceAccessChanged changed) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    byAddress.invalidateAll();
                }
            });
        } else {
            byAddress.invalidateAll();
        }
    }

    private List<Source> load(String host) {
        return transactions.execute(status -> tenantScope.callPlatformWide(() -> jdbc.query(
                "select id, isp_company_id, " + DeviceAccess.COLUMNS
                        + " from equipment where ip_address = ?::inet and snmp_version is not null order by created_at",
                rs -> {
                    List<Source> sources = new ArrayList<>();
                    while (rs.next()) {
                        SnmpEndpoint endpoint = access.endpoint(rs);
                        if (endpoint != null) {
                            sources.add(new Source(rs.getObject("id", UUID.class),
                                    rs.getObject("isp_company_id", UUID.class), endpoint.credentials()));
                        }
                    }
                    return List.copyOf(sources);
                }, host)));
    }

    private static boolean same(String secret, byte[] offered) {
        return secret != null && MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8), offered);
    }
}
