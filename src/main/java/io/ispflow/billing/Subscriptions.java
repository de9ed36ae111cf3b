package io.ispflow.billing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ispflow.platform.TenantContext;
import io.ispflow.shared.Nairobi;

/**
 * Starts a client's subscription to a service package: the active package assignment and the first
 * monthly invoice. Prices are VAT-inclusive, as Kenyan retail prices are quoted: the VAT share of a
 * KES 2,999 package at 16% is 413.66.
 */
@Service
public class Subscriptions {

    /** Days a client has to pay an invoice. */
    static final int PAYMENT_TERM_DAYS = 7;

    private final JdbcTemplate jdbc;
    private final Invoicing invoicing;
    private final Clock clock;

    Subscriptions(JdbcTemplate jdbc, Invoicing invoicing, Clock clock) {
        this.jdbc = jdbc;
        this.invoicing = invoicing;
        this.clock = clock;
    }

    /**
     * Starts the subscription once: calling it again for a client who already has an invoice returns
     * that invoice (a retried process step must not bill twice).
     */
    @Transactional
    public Invoice start(UUID clientId, UUID servicePackageId, BigDecimal monthlyRate) {
        UUID company = TenantContext.requireCompanyId();
        var existing = jdbc.queryForList("""
                select id from invoices where client_id = ? and isp_company_id = ? order by created_at limit 1""",
                UUID.class, clientId, company);
        if (!existing.isEmpty()) {
            return invoicing.find(existing.get(0)).orElseThrow();
        }
        if (servicePackageId != null) {
            jdbc.update("""
                    insert into client_service_assignments (client_id, service_package_id, is_active, isp_company_id)
                    values (?, ?, true, ?)""", clientId, servicePackageId, company);
        }
        LocalDate today = LocalDate.now(clock.withZone(Nairobi.ZONE));
        return invoicing.issue(new NewInvoice(clientId, monthlyRate, "First month of service", today,
                today.plusMonths(1).minusDays(1), today.plusDays(PAYMENT_TERM_DAYS)), "onboarding");
    }
}
