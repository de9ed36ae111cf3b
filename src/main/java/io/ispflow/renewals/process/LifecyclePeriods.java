package io.ispflow.renewals.process;

import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

import io.ispflow.shared.Nairobi;

/** The lifecycle's days and timer dates: the engine's clock, in Nairobi, so that timers and steps agree. */
public final class LifecyclePeriods {

    private LifecyclePeriods() {
    }

    public static LocalDate today() {
        return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), Nairobi.ZONE);
    }

    /** The next period starts at five past midnight, Nairobi time, the day after the period's last. */
    public static Date periodEndsAt(LocalDate periodEnd) {
        return at(periodEnd.plusDays(1), 0, 5);
    }

    /** Checks run at eight in the morning, when the office that answers the calls opens. */
    public static Date nextMorning() {
        return at(today().plusDays(1), 8, 0);
    }

    public static Date morningIn(int days) {
        return at(today().plusDays(days), 8, 0);
    }

    /** The first minutes of a day: a hold starts then, and ends then on the day after its last. */
    public static Date startOf(LocalDate day) {
        return at(day, 0, 5);
    }

    private static Date at(LocalDate day, int hour, int minute) {
        return Date.from(day.atTime(hour, minute).atZone(Nairobi.ZONE).toInstant());
    }
}
