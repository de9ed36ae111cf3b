package io.ispflow.network.qos;

import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ispflow.billing.ServiceCatalogue;
import io.ispflow.billing.Subscription;
import io.ispflow.billing.Subscriptions;
import io.ispflow.platform.TenantContext;

/**
 * Which QoS policy a service package has, which a client has of his own, and so which applies to a
 * client: his own, else his package's. The packages and the client's package are billing's, asked
 * through its API; the links are this module's.
 */
@Service
public class QosAssignments {

    private final JdbcTemplate jdbc;
    private final QosPolicies policies;
    private final ServiceCatalogue catalogue;
    private final Subscriptions subscriptions;

    QosAssignments(JdbcTemplate jdbc, QosPolicies policies, ServiceCatalogue catalogue, Subscriptions subscriptions) {
        this.jdbc = jdbc;
        this.policies = policies;
        this.catalogue = catalogue;
        this.subscriptions = subscriptions;
    }

    /** Gives the package the (active) policy, in place of the one it had. */
    @Transactional
    public QosPolicy setForPackage(UUID packageId, UUID policyId) {
        catalogue.find(packageId).orElseThrow(() -> new ServicePackageNotFound(packageId));
        QosPolicy policy = policies.assignable(policyId);
        jdbc.update("""
                insert into service_package_qos_policies (service_package_id, qos_policy_id, isp_company_id)
                values (?, ?, ?)
                on conflict (service_package_id) do update set qos_policy_id = excluded.qos_policy_id, updated_at = now()""",
                packageId, policyId, TenantContext.requireCompanyId());
        return policy;
    }

    @Transactional(readOnly = true)
    public Optional<QosPolicy> ofPackage(UUID packageId) {
        return jdbc.query("""
                select p.* from service_package_qos_policies sp join qos_policies p on p.id = sp.qos_policy_id
                where sp.service_package_id = ? and sp.isp_company_id = ?""", QosPolicies::policy, packageId,
                TenantContext.requireCompanyId()).stream().findFirst();
    }

    /** The package has no policy any more; none had is no fault. */
    @Transactional
    public void clearForPackage(UUID packageId) {
        jdbc.update("delete from service_package_qos_policies where service_package_id = ? and isp_company_id = ?",
                packageId, TenantContext.requireCompanyId());
    }

    /** Gives the client a policy of his own, instead of his package's (one per client: it replaces his last). */
    @Transactional
    public AppliedQosPolicy setForClient(UUID clientId, UUID policyId, String reason) {
        QosPolicy policy = policies.assignable(policyId);
        try {
            jdbc.update("""
                    insert into client_qos_policies (client_id, qos_policy_id, reason, isp_company_id) values (?, ?, ?, ?)
                    on conflict (client_id) do update set qos_policy_id = excluded.qos_policy_id,
                                                          reason = excluded.reason, updated_at = now()""",
                    clientId, policyId, reason, TenantContext.requireCompanyId());
        } catch (DataIntegrityViolationException refused) {
            // the database's check: the client is none of the company's (the policy was found above)
            if (refused.getMostSpecificCause() instanceof java.sql.SQLException sql
                    && "23503".equals(sql.getSQLState())) {
                throw new ClientNotFound(clientId);
            }
            throw refused;
        }
        return new AppliedQosPolicy(clientId, AppliedQosPolicy.Source.CLIENT, null, reason, policy);
    }

    /** The client's own policy is gone: his package's applies again. None had is no fault. */
    @Transactional
    public void clearForClient(UUID clientId) {
        jdbc.update("delete from client_qos_policies where client_id = ? and isp_company_id = ?", clientId,
                TenantContext.requireCompanyId());
    }

    /** The client's own policy, else that of the package of his subscription. */
    @Transactional(readOnly = true)
    public AppliedQosPolicy appliedTo(UUID clientId) {
        Optional<AppliedQosPolicy> own = jdbc.query("""
                select p.*, c.reason from client_qos_policies c join qos_policies p on p.id = c.qos_policy_id
                where c.client_id = ? and c.isp_company_id = ?""",
                (rs, n) -> new AppliedQosPolicy(clientId, AppliedQosPolicy.Source.CLIENT, null, rs.getString("reason"),
                        QosPolicies.policy(rs, n)), clientId, TenantContext.requireCompanyId()).stream().findFirst();
        return own.or(() -> subscriptions.liveOf(clientId).map(Subscription::servicePackageId)
                        .flatMap(pkg -> ofPackage(pkg).map(policy -> new AppliedQosPolicy(clientId,
                                AppliedQosPolicy.Source.PACKAGE, pkg, null, policy))))
                .orElseThrow(() -> new NoQosPolicyFound("No QoS policy applies to client " + clientId
                        + ": he has none of his own, and no package with one."));
    }
}
