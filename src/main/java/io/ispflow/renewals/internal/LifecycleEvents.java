package io.ispflow.renewals.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.ispflow.billing.SubscriptionStarted;
import io.ispflow.platform.TenantScope;
import io.ispflow.renewals.SubscriptionLifecycles;
import io.ispflow.shared.PaymentCredited;

/**
 * A started subscription gets its lifecycle; a credited payment wakes the lifecycle waiting for it. Both
 * run after the announcing transaction committed, in a transaction of their own, in the event's
 * company; the event publication registry keeps an event until this has succeeded.
 */
@Component
class LifecycleEvents {

    private final SubscriptionLifecycles lifecycles;
    private final TenantScope tenantScope;

    LifecycleEvents(SubscriptionLifecycles lifecycles, TenantScope tenantScope) {
        this.lifecycles = lifecycles;
        this.tenantScope = tenantScope;
    }

    @ApplicationModuleListener
    void on(SubscriptionStarted started) {
        tenantScope.runAs(started.companyId(), () -> lifecycles.start(started.subscriptionId()));
    }

    @ApplicationModuleListener
    void on(PaymentCredited payment) {
        if (payment.clientId() != null) {
            tenantScope.runAs(payment.companyId(), () -> lifecycles.paid(payment.clientId()));
        }
    }
}
