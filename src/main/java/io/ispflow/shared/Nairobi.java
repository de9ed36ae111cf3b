package io.ispflow.shared;

import java.time.ZoneId;

/**
 * The time zone of the business: storage keeps {@code Instant}s in UTC, and days, due dates and
 * timestamps shown to people or sent to Kenyan providers are Nairobi's.
 */
public final class Nairobi {

    /** The zone's name, for annotations and SQL ({@code at time zone}) that need a constant string. */
    public static final String NAME = "Africa/Nairobi";

    /** East Africa Time, UTC+3 all year. */
    public static final ZoneId ZONE = ZoneId.of(NAME);

    private Nairobi() {
    }
}
