package io.ispflow.messaging;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;

import io.ispflow.shared.Nairobi;

/**
 * No SMS to clients between 21:00 and 07:00 Nairobi time, but for the few purposes that answer what the
 * client just did or tell him his service is back ({@link MessagePurpose#anyHour()}): the others are
 * queued until 07:00.
 */
public final class QuietHours {

    static final LocalTime STARTS = LocalTime.of(21, 0);
    static final LocalTime ENDS = LocalTime.of(7, 0);

    private QuietHours() {
    }

    /** When a message of this purpose, queued at {@code now}, may leave. */
    public static Instant sendFrom(Instant now, MessagePurpose purpose) {
        if (purpose.anyHour()) {
            return now;
        }
        ZonedDateTime local = now.atZone(Nairobi.ZONE);
        LocalTime time = local.toLocalTime();
        if (time.isBefore(ENDS)) {
            return local.with(ENDS).toInstant();
        }
        if (!time.isBefore(STARTS)) {
            return local.plusDays(1).with(ENDS).toInstant();
        }
        return now;
    }
}
