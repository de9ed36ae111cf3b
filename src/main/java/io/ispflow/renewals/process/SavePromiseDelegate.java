package io.ispflow.renewals.process;

import static io.ispflow.renewals.process.LifecycleVariables.*;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.ispflow.billing.Subscriptions;
import io.ispflow.platform.camunda.FormValues;
import io.ispflow.platform.camunda.ProcessInputRefusals;

/**
 * Records the client's promise to pay by the date support agreed with him: once per unpaid period, no
 * earlier than today and at most {@code isp.renewals.promise-max-days} past the due day. A refused date
 * fails the task's completion with the reason, so the form stays open.
 */
@Component("savePromiseDelegate")
class SavePromiseDelegate implements JavaDelegate {

    private final LifecycleSubject subject;
    private final Subscriptions subscriptions;
    private final LifecycleSettings settings;

    SavePromiseDelegate(LifecycleSubject subject, Subscriptions subscriptions, LifecycleSettings settings) {
        this.subject = subject;
        this.subscriptions = subscriptions;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate until = date(execution.getVariable(PROMISED_UNTIL));
        var subscription = subject.subscription(execution);
        LocalDate dueDay = subscriptions.arrears(subscription.id(), false).oldestDueDate();
        LocalDate latest = (dueDay == null ? LifecyclePeriods.today() : dueDay).plusDays(settings.getPromiseMaxDays());
        if (until.isBefore(LifecyclePeriods.today()) || until.isAfter(latest)) {
            throw ProcessInputRefusals.refuse("The client cannot promise to pay by " + until + ": a promise runs from "
                    + "today to " + latest + " at the latest (" + settings.getPromiseMaxDays() + " days past the due day).");
        }
        String by = FormValues.text(execution.getVariable(COMPLETED_BY));
        if (!subscriptions.recordPromise(subscription.id(), until, by == null ? "staff" : by)) {
            throw ProcessInputRefusals.refuse("A promise to pay was already recorded for this renewal.");
        }
    }

    static LocalDate date(Object value) {
        String text = FormValues.text(value);
        if (text == null) {
            throw ProcessInputRefusals.refuse("Give the date the client promised to pay by.");
        }
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw ProcessInputRefusals.refuse("The promised date is not a date (YYYY-MM-DD).");
        }
    }
}
