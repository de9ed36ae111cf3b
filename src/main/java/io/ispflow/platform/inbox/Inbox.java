package io.ispflow.platform.inbox;

import java.util.List;
import java.util.UUID;

/**
 * A table of messages received from outside (payment callbacks, delivery reports, traps) that the
 * {@link InboxDispatcher} hands on, each exactly once, after the receiver has committed the row and
 * answered the sender. The owning module keeps its table and its SQL; the dispatcher brings the
 * transactions, the tenant of each row, the retries and the parking of a message that keeps failing.
 *
 * @param <M> what a row says, as the module reads it
 */
public interface Inbox<M> {

    /** A short name for logs, e.g. the table's. */
    String name();

    /**
     * Up to {@code limit} rows not yet dispatched and with fewer than {@code maxAttempts} failed
     * attempts, oldest first, locked with {@code for update skip locked} so that no other node takes
     * them. Called platform-wide (no tenant in context).
     */
    List<Message<M>> claim(int limit, int maxAttempts);

    /** Acts on one message, in the transaction that marks it dispatched and as its company. */
    void dispatch(M message);

    /** The message was dispatched: it is not claimed again. Called platform-wide. */
    void markDispatched(UUID id);

    /** Dispatching the message failed: one attempt more, with the error, in a transaction of its own. */
    void recordFailedAttempt(UUID id, String error);

    /** One claimed row: its id, the company it belongs to, and what it says. */
    record Message<M>(UUID id, UUID companyId, M content) {
    }
}
