package io.ispflow.renewals.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.ispflow.platform.TenantScope;
import io.ispflow.platform.locks.SingletonWork;
import io.ispflow.renewals.SubscriptionLifecycles;
import io.ispflow.tenancy.Companies;

/**
 * At start-up, after the models are deployed: every live subscription without a lifecycle gets one
 * (clients billed before subscriptions existed). On one node at a time.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class LifecycleAdoption implements ApplicationRunner {

    static final String LOCK = "renewals.adoption";
    private static final Logger log = LoggerFactory.getLogger(LifecycleAdoption.class);

    private final SubscriptionLifecycles lifecycles;
    private final Companies companies;
    private final TenantScope tenantScope;
    private final SingletonWork singletonWork;

    LifecycleAdoption(SubscriptionLifecycles lifecycles, Companies companies, TenantScope tenantScope,
            SingletonWork singletonWork) {
        this.lifecycles = lifecycles;
        this.companies = companies;
        this.tenantScope = tenantScope;
        this.singletonWork = singletonWork;
    }

    @Override
    public void run(ApplicationArguments args) {
        singletonWork.runIfFree(LOCK, () -> {
            int started = 0;
            for (var company : companies.activeIds()) {
                started += tenantScope.callAs(company, lifecycles::adoptOrphans);
            }
            if (started > 0) {
                log.info("Subscription lifecycles started for {} subscriptions that had none", started);
            }
        });
    }
}
