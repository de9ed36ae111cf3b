package io.ispflow.network.snmp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.ispflow.platform.secrets.SecretBox;

/**
 * A device's SNMP access as stored on its {@code equipment} row: management address, port, version
 * and credentials, the secrets encrypted with {@link SecretBox}. Reads run in the caller's tenant.
 */
@Component
public class DeviceAccess {

    /** The columns {@link #endpoint(ResultSet)} reads; select them (from {@code equipment}) to build endpoints in bulk. */
    public static final String COLUMNS = """
            host(ip_address) as snmp_host, snmp_port, snmp_version, snmp_community_encrypted,
            snmp_write_community_encrypted, snmp_v3_user, snmp_v3_auth_protocol, snmp_v3_auth_key_encrypted,
            snmp_v3_priv_protocol, snmp_v3_priv_key_encrypted""";

    private final JdbcTemplate jdbc;
    private final SecretBox box;
    private final ApplicationEventPublisher events;

    DeviceAccess(JdbcTemplate jdbc, SecretBox box, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.box = box;
        this.events = events;
    }

    /** The device's endpoint, if it has a management address and SNMP credentials. */
    @Transactional(readOnly = true)
    public Optional<SnmpEndpoint> endpoint(UUID equipmentId) {
        return jdbc.query("select " + COLUMNS + " from equipment where id = ?",
                rs -> rs.next() ? Optional.ofNullable(endpoint(rs)) : Optional.empty(), equipmentId);
    }

    /** Builds the endpoint from a row holding {@link #COLUMNS}; null when the device has no SNMP access. */
    public SnmpEndpoint endpoint(ResultSet row) throws SQLException {
        String host = row.getString("snmp_host");
        String version = row.getString("snmp_version");
        if (host == null || version == null) {
            return null;
        }
        SnmpCredentials credentials;
        if ("v3".equals(version)) {
            credentials = new SnmpCredentials.V3(row.getString("snmp_v3_user"),
                    SnmpCredentials.AuthProtocol.valueOf(row.getString("snmp_v3_auth_protocol")),
                    box.decrypt(row.getString("snmp_v3_auth_key_encrypted")),
                    SnmpCredentials.PrivProtocol.valueOf(row.getString("snmp_v3_priv_protocol")),
                    box.decrypt(row.getString("snmp_v3_priv_key_encrypted")));
        } else {
            String community = row.getString("snmp_community_encrypted");
            if (community == null) {
                return null;
            }
            String write = row.getString("snmp_write_community_encrypted");
            credentials = new SnmpCredentials.V2c(box.decrypt(community), write == null ? null : box.decrypt(write));
        }
        return new SnmpEndpoint(host, row.getInt("snmp_port"), credentials);
    }

    /**
     * Stores the device's management address, port and credentials (encrypted), replacing what was
     * there. Returns false when no such device is visible in the current tenant.
     */
    @Transactional
    public boolean store(UUID equipmentId, String host, int port, SnmpCredentials credentials) {
        boolean stored = write(equipmentId, host, port, credentials);
        if (stored) {
            events.publishEvent(new DeviceAccessChanged(equipmentId));
        }
        return stored;
    }

    private boolean write(UUID equipmentId, String host, int port, SnmpCredentials credentials) {
        if (credentials instanceof SnmpCredentials.V3 v3) {
            return jdbc.update("""
                    update equipment set ip_address = ?::inet, snmp_port = ?, snmp_version = 'v3',
                           snmp_community_encrypted = null, snmp_write_community_encrypted = null,
                           snmp_v3_user = ?, snmp_v3_auth_protocol = ?, snmp_v3_auth_key_encrypted = ?,
                           snmp_v3_priv_protocol = ?, snmp_v3_priv_key_encrypted = ?, updated_at = now()
                    where id = ?""", host, port, v3.user(), v3.authProtocol().name(), box.encrypt(v3.authKey()),
                    v3.privProtocol().name(), box.encrypt(v3.privKey()), equipmentId) == 1;
        }
        SnmpCredentials.V2c v2c = (SnmpCredentials.V2c) credentials;
        return jdbc.update("""
                update equipment set ip_address = ?::inet, snmp_port = ?, snmp_version = 'v2c',
                       snmp_community_encrypted = ?, snmp_write_community_encrypted = ?,
                       snmp_v3_user = null, snmp_v3_auth_protocol = null, snmp_v3_auth_key_encrypted = null,
                       snmp_v3_priv_protocol = null, snmp_v3_priv_key_encrypted = null, updated_at = now()
                where id = ?""", host, port, box.encrypt(v2c.community()), box.encrypt(v2c.writeCommunity()),
                equipmentId) == 1;
    }
}
