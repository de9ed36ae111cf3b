package io.ispflow.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What billing needs to know about clients, provided by the clients module (which depends on billing,
 * not the other way round).
 */
public interface ClientAccounts {

    /** Whether the client exists in the company in context. */
    boolean exists(UUID clientId);

    /** The clients of the company in context who are billed month by month: the active ones. */
    List<UUID> active();

    /** The client's terms for his next monthly invoice, while he is active; empty otherwise. */
    Optional<Billable> billable(UUID clientId);

    /**
     * An active client's monthly rate, and when his service last resumed after a suspension (null if it
     * never was suspended): months spent suspended are not billed.
     */
    record Billable(UUID clientId, BigDecimal monthlyRate, Instant resumedAt) {
    }
}
