package io.ispflow.network.provisioning;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The ports a switch may act on: clients' access ports from {@code client_equipment} rows with an ifIndex
 * on a managed device, with the device's name and address for the task staff see.
 */
@Component
class SwitchablePorts {

    private static final String SELECT = """
            select ce.equipment_id, coalesce(e.name, e.serial_number) as device_name,
                   host(e.ip_address) || ':' || e.snmp_port as device_address,
                   (ce.network_config ->> 'ifIndex')::int as if_index,
                   coalesce(ce.network_config ->> 'ifName', 'ifIndex ' || (ce.network_config ->> 'ifIndex')) as port_name
            from client_equipment ce join equipment e on e.id = ce.equipment_id
            where ce.client_id = ? and ce.network_config ->> 'ifIndex' is not null""";

    private static final RowMapper<AccessPort> ROW = (rs, i) -> new AccessPort(rs.getObject("equipment_id", UUID.class),
            rs.getString("device_name"), rs.getString("device_address"), rs.getInt("if_index"),
            rs.getString("port_name"));

    private final JdbcTemplate jdbc;

    SwitchablePorts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The ports the client is connected to now. */
    List<AccessPort> of(UUID clientId) {
        return jdbc.query(SELECT + " and ce.returned_at is null order by ce.assigned_at", ROW, clientId);
    }

    /**
     * The port, if it is (or was) the client's: a switch acts only on a port recorded for the client its
     * process is about, whatever its variables say.
     */
    Optional<AccessPort> find(UUID clientId, UUID equipmentId, int ifIndex) {
        return jdbc.query(SELECT + " and ce.equipment_id = ? and (ce.network_config ->> 'ifIndex')::int = ?"
                + " order by ce.returned_at is null desc, ce.assigned_at desc limit 1", ROW, clientId, equipmentId,
                ifIndex).stream().findFirst();
    }
}
