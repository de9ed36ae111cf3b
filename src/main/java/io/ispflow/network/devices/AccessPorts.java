package io.ispflow.network.devices;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ispflow.network.ClientAccounts;
import io.ispflow.network.ClientAccounts.ClientAccount;
import io.ispflow.platform.TenantContext;

/**
 * Clients' access ports ({@code client_equipment} rows whose {@code network_config} names the
 * interface): one port per client, one client per port. Moving a client to another port ends the
 * previous assignment ({@code returned_at}), which stays on record.
 */
@Service
public class AccessPorts {

    /** The client's current port and the latest sample of that interface. */
    private static final String PORT = """
            select ce.client_id, ce.equipment_id, e.name as device_name, (ce.network_config ->> 'ifIndex')::int as if_index,
                   ce.network_config ->> 'ifName' as if_name, ce.assigned_at, p.state,
                   s.status, s.admin_status, s.in_bps, s.out_bps, s.sampled_at, s.interface_name
            from client_equipment ce
                 join equipment e on e.id = ce.equipment_id
                 left join equipment_poll_state p on p.equipment_id = e.id
                 left join lateral (select * from interface_statistics s
                                    where s.equipment_id = ce.equipment_id
                                      and s.interface_index = (ce.network_config ->> 'ifIndex')::int
                                    order by s.sampled_at desc limit 1) s on true
            where ce.client_id = ? and ce.isp_company_id = ? and ce.returned_at is null
              and ce.network_config ->> 'ifIndex' is not null""";

    /** {@code network_config} from the interface's index and (optional) name. */
    private static final String CONFIG = "jsonb_strip_nulls(jsonb_build_object('ifIndex', ?::int, 'ifName', ?::text))";

    private final JdbcTemplate jdbc;
    private final Devices devices;
    private final ClientAccounts clients;

    AccessPorts(JdbcTemplate jdbc, Devices devices, ClientAccounts clients) {
        this.jdbc = jdbc;
        this.devices = devices;
        this.clients = clients;
    }

    /** The client's port and its state. */
    @Transactional(readOnly = true)
    public ClientPort of(UUID clientId) {
        ClientAccount client = client(clientId);
        return current(client).orElseThrow(() -> ClientPortNotFound.noPort(clientId));
    }

    /**
     * Puts the client on the device's port, ending his previous port if it was another. The device must
     * be the company's and in service, the port free.
     */
    @Transactional
    public ClientPort assign(UUID clientId, UUID deviceId, int ifIndex, String ifName) {
        ClientAccount client = client(clientId);
        // the device's row lock orders concurrent assignments to its ports
        jdbc.queryForList("select id from equipment where id = ? and isp_company_id = ? for update", UUID.class,
                deviceId, TenantContext.requireCompanyId());
        Device device = devices.inService(deviceId);
        var current = current(client);
        if (current.isPresent() && current.get().deviceId().equals(deviceId) && current.get().ifIndex() == ifIndex) {
            jdbc.update("""
                    update client_equipment set network_config = """ + CONFIG + """
                    where client_id = ? and equipment_id = ? and returned_at is null
                      and network_config ->> 'ifIndex' = ?""", ifIndex, ifName, clientId, deviceId,
                    String.valueOf(ifIndex));
            return current(client).orElseThrow();
        }
        jdbc.queryForList("""
                select client_id from client_equipment
                where equipment_id = ? and returned_at is null and network_config ->> 'ifIndex' = ?""",
                UUID.class, deviceId, String.valueOf(ifIndex)).stream().findFirst().ifPresent(other -> {
                    throw new PortTaken(device.name(), ifIndex, other);
                });
        endPort(clientId);
        jdbc.update("""
                insert into client_equipment (client_id, equipment_id, assigned_by, is_primary, network_config,
                                              isp_company_id)
                values (?, ?, ?, false, """ + CONFIG + """
                , ?)""", clientId, deviceId, TenantContext.currentUserId().orElse(null), ifIndex, ifName,
                TenantContext.requireCompanyId());
        return current(client).orElseThrow();
    }

    /** Takes the client off his port; the assignment stays on record as ended. */
    @Transactional
    public void remove(UUID clientId) {
        client(clientId);
        if (endPort(clientId) == 0) {
            throw ClientPortNotFound.noPort(clientId);
        }
    }

    private int endPort(UUID clientId) {
        return jdbc.update("""
                update client_equipment set returned_at = now()
                where client_id = ? and isp_company_id = ? and returned_at is null
                  and network_config ->> 'ifIndex' is not null""", clientId, TenantContext.requireCompanyId());
    }

    private ClientAccount client(UUID clientId) {
        return clients.find(clientId).orElseThrow(() -> ClientPortNotFound.noClient(clientId));
    }

    private Optional<ClientPort> current(ClientAccount client) {
        return jdbc.query(PORT, (rs, n) -> port(client, rs), client.id(), TenantContext.requireCompanyId())
                .stream().findFirst();
    }

    private static ClientPort port(ClientAccount client, ResultSet rs) throws SQLException {
        Timestamp sampled = rs.getTimestamp("sampled_at");
        var state = sampled == null ? null : new ClientPort.PortState(rs.getString("status"),
                rs.getString("admin_status"), (Long) rs.getObject("in_bps", Long.class),
                rs.getObject("out_bps", Long.class), sampled.toInstant());
        String ifName = rs.getString("if_name");
        return new ClientPort(client.id(), client.accountNumber(), client.name(), rs.getObject("equipment_id", UUID.class),
                rs.getString("device_name"), rs.getInt("if_index"), ifName != null ? ifName : rs.getString("interface_name"),
                rs.getTimestamp("assigned_at").toInstant(), DeviceState.ofDb(rs.getString("state")), state);
    }
}
