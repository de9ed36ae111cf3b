package io.ispflow.renewals.process;

import static io.ispflow.renewals.process.LifecycleVariables.*;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.ispflow.billing.Subscriptions;
import io.ispflow.platform.calendar.PublicHolidays;

/**
 * This morning's facts for the suspension policy: what is owed and since when, the day (Sunday, public
 * holiday), whether a promise to pay holds; and when to look again.
 */
@Component("readArrearsDelegate")
class ReadArrearsDelegate implements JavaDelegate {

    private final LifecycleSubject subject;
    private final Subscriptions subscriptions;
    private final PublicHolidays holidays;

    ReadArrearsDelegate(LifecycleSubject subject, Subscriptions subscriptions, PublicHolidays holidays) {
        this.subject = subject;
        this.subscriptions = subscriptions;
        this.holidays = holidays;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var subscription = subject.subscription(execution);
        var client = subject.client(subscription);
        var arrears = subscriptions.arrears(subscription.id(), false);
        LocalDate today = LifecyclePeriods.today();
        execution.setVariable(ARREARS_CLEARED, arrears.cleared());
        execution.setVariable(AMOUNT_DUE, arrears.amount().toPlainString());
        execution.setVariable(AMOUNT_OVERDUE, arrears.amount().doubleValue());
        execution.setVariable(DAYS_OVERDUE, arrears.oldestDueDate() == null ? 0
                : (int) ChronoUnit.DAYS.between(arrears.oldestDueDate(), today));
        execution.setVariable(DUE_DATE, arrears.oldestDueDate() == null ? null : arrears.oldestDueDate().toString());
        execution.setVariable(DAY_OF_WEEK, today.getDayOfWeek().name());
        execution.setVariable(PUBLIC_HOLIDAY, holidays.isPublicHoliday(today));
        execution.setVariable(PROMISE_TO_PAY, subscription.promiseHolds(today));
        execution.setVariable(ON_HOLD, false);
        execution.setVariable(CLIENT_TYPE, client.clientType().name().toLowerCase(java.util.Locale.ROOT));
        execution.setVariable(CONNECTION_TYPE, client.connectionType().name().toLowerCase(java.util.Locale.ROOT));
        execution.setVariable(NEXT_CHECK_AT, LifecyclePeriods.nextMorning());
    }
}
