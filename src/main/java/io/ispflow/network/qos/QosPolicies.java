package io.ispflow.network.qos;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ispflow.platform.TenantContext;

/**
 * The company's QoS policies: names unique in the company (in any case), the guaranteed rate at most
 * the smaller maximum. A policy in use is deactivated rather than deleted.
 */
@Service
public class QosPolicies {

    private final JdbcTemplate jdbc;

    QosPolicies(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The company's policies by name; {@code active} null for all. */
    @Transactional(readOnly = true)
    public List<QosPolicy> list(Boolean active) {
        return jdbc.query("""
                select * from qos_policies where isp_company_id = ? and (?::boolean is null or is_active = ?::boolean)
                order by lower(name)""", QosPolicies::policy, TenantContext.requireCompanyId(), active, active);
    }

    @Transactional(readOnly = true)
    public Optional<QosPolicy> find(UUID id) {
        return jdbc.query("select * from qos_policies where id = ? and isp_company_id = ?", QosPolicies::policy, id,
                TenantContext.requireCompanyId()).stream().findFirst();
    }

    @Transactional
    public QosPolicy create(QosLimits limits) {
        refuseInvalid(null, limits);
        UUID id = jdbc.queryForObject("""
                insert into qos_policies (name, max_bandwidth_down, max_bandwidth_up, priority, burst_size,
                                          guaranteed_bandwidth, protocol, isp_company_id)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""", UUID.class, limits.name().strip(),
                limits.maxBandwidthDown(), limits.maxBandwidthUp(), db(limits.priority()), limits.burstSize(),
                limits.guaranteedBandwidth(), db(limits.protocol()), TenantContext.requireCompanyId());
        return find(id).orElseThrow();
    }

    /** Replaces what the policy sets; {@code active} null leaves it as it is. */
    @Transactional
    public QosPolicy update(UUID id, QosLimits limits, Boolean active) {
        locked(id);
        refuseInvalid(id, limits);
        jdbc.update("""
                update qos_policies set name = ?, max_bandwidth_down = ?, max_bandwidth_up = ?, priority = ?,
                       burst_size = ?, guaranteed_bandwidth = ?, protocol = ?, is_active = coalesce(?, is_active),
                       updated_at = now()
                where id = ?""", limits.name().strip(), limits.maxBandwidthDown(), limits.maxBandwidthUp(),
                db(limits.priority()), limits.burstSize(), limits.guaranteedBandwidth(), db(limits.protocol()), active,
                id);
        return find(id).orElseThrow();
    }

    /**
     * Deletes a policy no package or client has; one in use is deactivated instead, and returned.
     *
     * @return empty when deleted
     */
    @Transactional
    public Optional<QosPolicy> remove(UUID id) {
        locked(id);
        boolean inUse = Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from service_package_qos_policies where qos_policy_id = ?)
                    or exists (select 1 from client_qos_policies where qos_policy_id = ?)""", Boolean.class, id, id));
        if (!inUse) {
            jdbc.update("delete from qos_policies where id = ?", id);
            return Optional.empty();
        }
        jdbc.update("update qos_policies set is_active = false, updated_at = now() where id = ? and is_active", id);
        return find(id);
    }

    /** The active policy to give to a package or client. */
    @Transactional(readOnly = true)
    public QosPolicy assignable(UUID id) {
        QosPolicy policy = find(id).orElseThrow(
                () -> new InvalidQosRequest("policyId", "is no QoS policy of your company"));
        if (!policy.active()) {
            throw new QosPolicyInactive(policy.name());
        }
        return policy;
    }

    /** The policy, locked until the transaction ends, so that concurrent changes follow one another. */
    private void locked(UUID id) {
        if (jdbc.queryForList("select id from qos_policies where id = ? and isp_company_id = ? for update", UUID.class,
                id, TenantContext.requireCompanyId()).isEmpty()) {
            throw new QosPolicyNotFound(id);
        }
    }

    private void refuseInvalid(UUID self, QosLimits limits) {
        Integer guaranteed = limits.guaranteedBandwidth();
        if (guaranteed != null && guaranteed > Math.min(limits.maxBandwidthDown(), limits.maxBandwidthUp())) {
            throw new InvalidQosRequest("guaranteedBandwidth",
                    "must not exceed the maximum bandwidth down or up (kbit/s)");
        }
        if (Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from qos_policies
                               where isp_company_id = ? and lower(name) = lower(?) and id is distinct from ?)""",
                Boolean.class, TenantContext.requireCompanyId(), limits.name().strip(), self))) {
            throw new QosPolicyNameTaken(limits.name().strip());
        }
    }

    private static String db(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    static QosPolicy policy(ResultSet rs, int row) throws SQLException {
        return new QosPolicy(rs.getObject("id", UUID.class), rs.getString("name"), rs.getInt("max_bandwidth_down"),
                rs.getInt("max_bandwidth_up"), QosPriority.valueOf(rs.getString("priority").toUpperCase(Locale.ROOT)),
                rs.getObject("burst_size", Integer.class), rs.getObject("guaranteed_bandwidth", Integer.class),
                QosProtocol.valueOf(rs.getString("protocol").toUpperCase(Locale.ROOT)), rs.getBoolean("is_active"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
