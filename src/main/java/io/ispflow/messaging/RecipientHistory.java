package io.ispflow.messaging;

import java.time.Duration;

/** What a recipient asked for and was sent: whether he refused optional messages, what he got lately. */
interface RecipientHistory {

    boolean optedOut(String channel, String recipient);

    /** Records that a message of the purpose was not sent to him because he opted out. */
    void withheld(MessagePurpose purpose, String channel, String recipient);

    /**
     * Whether a message of the purpose was queued to him within the window. Holds a lock on the
     * recipient until the transaction ends, so that two texts at once get one answer.
     */
    boolean sentWithin(MessagePurpose purpose, String channel, String recipient, Duration window);
}
