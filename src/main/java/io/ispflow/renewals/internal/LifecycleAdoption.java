package io.ispflow.renewals.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.ispflow.platform.TenantScope;
import io.ispflow.platform.locks.SingletonWork;
import io.ispflow.renewals.SubscriptionLifecycles;
import io.ispflow.tenancy.Companies;

/**
 * Once the application is ready (its models deployed), on a thread of its own so that a large import
 * does not hold up start-up: every live subscription without a lifecycle gets one (clients billed
 * before subscriptions existed, or imported). On one node at a time; a long run keeps its lock.
 */
@Component
class LifecycleAdoption {

    static final String LOCK = "renewals.adoption";
    private static final Logger log = LoggerFactory.getLogger(LifecycleAdoption.class);

    private final SubscriptionLifecycles lifecycles;
    private final Companies companies;
    private final TenantScope tenantScope;
    private final SingletonWork singletonWork;
    private final boolean enabled;

    LifecycleAdoption(SubscriptionLifecycles lifecycles, Companies companies, TenantScope tenantScope,
            SingletonWork singletonWork, @Value("${isp.renewals.adopt-at-start:true}") boolean enabled) {
        this.lifecycles = lifecycles;
        this.companies = companies;
        this.tenantScope = tenantScope;
        this.singletonWork = singletonWork;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        if (enabled) {
            Thread adoption = new Thread(this::adopt, "lifecycle-adoption");
            adoption.setDaemon(true);
            adoption.start();
        }
    }

    void adopt() {
        singletonWork.runIfFree(LOCK, () -> {
            long begin = System.nanoTime();
            int started = 0;
            for (var company : companies.activeIds()) {
                started += tenantScope.callAs(company, () -> lifecycles.adoptOrphans(singletonWork::stillRunning));
            }
            log.info("Subscription lifecycles: {} started for subscriptions that had none ({} ms)", started,
                    (System.nanoTime() - begin) / 1_000_000);
        });
    }
}
