package io.ispflow.billing;

import java.time.Clock;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.ispflow.platform.locks.SingletonWork;
import io.ispflow.shared.Nairobi;

/** The daily monthly-invoicing run: on one node at a time, under the cluster lock of that name. */
@Component
class MonthlyInvoiceRun {

    static final String LOCK = "billing.monthly-invoicing";
    private static final Logger log = LoggerFactory.getLogger(MonthlyInvoiceRun.class);

    private final MonthlyInvoicing invoicing;
    private final SingletonWork singletonWork;
    private final Clock clock;
    private final boolean scheduled;

    MonthlyInvoiceRun(MonthlyInvoicing invoicing, SingletonWork singletonWork, Clock clock,
            @Value("${isp.billing.monthly-invoicing.enabled:true}") boolean scheduled) {
        this.invoicing = invoicing;
        this.singletonWork = singletonWork;
        this.clock = clock;
        this.scheduled = scheduled;
    }

    @Scheduled(cron = "${isp.billing.monthly-invoicing.cron:0 15 0 * * *}", zone = Nairobi.NAME)
    void daily() {
        if (scheduled) {
            singletonWork.runIfFree(LOCK, () -> {
                // a long run keeps its lock past the time to live, company by company
                int issued = invoicing.issueDue(LocalDate.now(clock.withZone(Nairobi.ZONE)),
                        singletonWork::stillRunning);
                log.info("Monthly invoicing: {} invoices issued", issued);
            });
        }
    }
}
