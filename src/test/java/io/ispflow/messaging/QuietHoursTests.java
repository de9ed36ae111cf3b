package io.ispflow.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import io.ispflow.shared.Nairobi;

/** Between 21:00 and 07:00 Nairobi time only receipts and restorations leave; the rest wait for 07:00. */
class QuietHoursTests {

    static Instant nairobi(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), Nairobi.ZONE).toInstant();
    }

    @Test
    void reminderQueuedInTheEveningLeavesTheNextMorning() {
        assertThat(QuietHours.sendFrom(nairobi("2026-12-01T21:00:00"), MessagePurpose.PAYMENT_REMINDER))
                .isEqualTo(nairobi("2026-12-02T07:00:00"));
        assertThat(QuietHours.sendFrom(nairobi("2026-12-31T23:59:00"), MessagePurpose.SERVICE_SUSPENDED))
                .isEqualTo(nairobi("2027-01-01T07:00:00"));
    }

    @Test
    void reminderQueuedBeforeSevenLeavesAtSevenTheSameDay() {
        assertThat(QuietHours.sendFrom(nairobi("2026-12-02T00:00:01"), MessagePurpose.HOLD_OVER))
                .isEqualTo(nairobi("2026-12-02T07:00:00"));
        assertThat(QuietHours.sendFrom(nairobi("2026-12-02T06:59:59"), MessagePurpose.PAYMENT_REMINDER))
                .isEqualTo(nairobi("2026-12-02T07:00:00"));
    }

    @Test
    void duringTheDayEverythingLeavesAtOnce() {
        for (String time : new String[] {"2026-12-02T07:00:00", "2026-12-02T13:30:00", "2026-12-02T20:59:59"}) {
            assertThat(QuietHours.sendFrom(nairobi(time), MessagePurpose.PAYMENT_REMINDER)).isEqualTo(nairobi(time));
        }
    }

    @Test
    void receiptsFailedPaymentsAndRestorationsLeaveAtAnyHour() {
        Instant night = nairobi("2026-12-02T02:15:00");
        assertThat(QuietHours.sendFrom(night, MessagePurpose.PAYMENT_RECEIVED)).isEqualTo(night);
        assertThat(QuietHours.sendFrom(night, MessagePurpose.PAYMENT_FAILED)).isEqualTo(night);
        assertThat(QuietHours.sendFrom(night, MessagePurpose.SERVICE_RESTORED)).isEqualTo(night);
    }
}
