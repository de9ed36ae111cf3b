package io.ispflow.network.readings;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ispflow.platform.TenantContext;

/** The company's network events, newest first, filtered by type, device, client and time. */
@Service
public class NetworkEventHistory {

    /** Which events to list; every field may be null (no filter). {@code to} is exclusive. */
    public record Filter(NetworkEventType type, UUID deviceId, UUID clientId, Instant from, Instant to) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    NetworkEventHistory(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional(readOnly = true)
    public Page<NetworkEvent> search(Filter filter, Pageable page) {
        String where = """
                where n.isp_company_id = ? and (?::text is null or n.event_type = ?::text)
                  and (?::uuid is null or n.equipment_id = ?::uuid) and (?::uuid is null or n.client_id = ?::uuid)
                  and (?::timestamptz is null or n.created_at >= ?::timestamptz)
                  and (?::timestamptz is null or n.created_at < ?::timestamptz)""";
        String type = filter.type() == null ? null : filter.type().db();
        Timestamp from = filter.from() == null ? null : Timestamp.from(filter.from());
        Timestamp to = filter.to() == null ? null : Timestamp.from(filter.to());
        List<Object> args = new ArrayList<>(List.of(TenantContext.requireCompanyId()));
        args.addAll(Arrays.asList(type, type, filter.deviceId(), filter.deviceId(), filter.clientId(),
                filter.clientId(), from, from, to, to));
        long total = jdbc.queryForObject("select count(*) from network_events n " + where, Long.class, args.toArray());
        args.add(page.getPageSize());
        args.add(page.getOffset());
        List<NetworkEvent> events = jdbc.query("""
                select n.id, n.event_type, n.equipment_id, e.name as device_name, n.client_id, n.event_data::text,
                       n.triggered_by, n.success, n.error_message, n.created_at
                from network_events n left join equipment e on e.id = n.equipment_id
                """ + where + " order by n.created_at desc, n.id limit ? offset ?",
                (rs, n) -> new NetworkEvent(rs.getObject("id", UUID.class), NetworkEventType.ofDb(rs.getString("event_type")),
                        rs.getObject("equipment_id", UUID.class), rs.getString("device_name"),
                        rs.getObject("client_id", UUID.class), data(rs.getString("event_data")),
                        rs.getString("triggered_by"), rs.getBoolean("success"), rs.getString("error_message"),
                        rs.getTimestamp("created_at").toInstant()),
                args.toArray());
        return new PageImpl<>(events, page, total);
    }

    private JsonNode data(String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (IOException unreadable) {
            return null;
        }
    }
}
