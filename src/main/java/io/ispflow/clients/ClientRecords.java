package io.ispflow.clients;

import java.util.UUID;

/**
 * Records a module keeps of a client (invoices, payments, equipment, tickets): a client with any is kept
 * for the record and disconnected, never deleted. Each module holding such records answers for its own
 * tables with a bean of this type.
 */
@FunctionalInterface
public interface ClientRecords {

    /** Whether the module holds records of the client of the company in context. */
    boolean holdsRecordsOf(UUID clientId);
}
