package io.ispflow.messaging.delivery;

import java.util.Optional;

/**
 * One channel's way out for the {@link MessageDispatcher}: where a company's account for the channel is,
 * and how one message is handed to the gateway.
 *
 * @param <A> the company's account, decrypted for sending
 */
public interface ChannelSender<A> {

    /**
     * Whether the gateway route runs. Camel starts once the application context is refreshed, after the
     * dispatcher's workers: a send before that fails without reaching the gateway, yet costs an attempt.
     */
    boolean ready();

    /** The channel's name in {@code outbound_messages.channel}: {@code sms} or {@code email}. */
    String channel();

    /** The account in words, for reasons and logs ("SMS gateway"). */
    String accountName();

    /**
     * An SQL condition on the queued message {@code m} that holds when its company has an active account
     * for the channel: only such messages are claimed; the others stay queued, untouched.
     */
    String hasActiveAccount();

    /** The account of the company in context, when it is active and complete. */
    Optional<A> account();

    /** What the message is made of at the gateway (counted before it is sent, whatever the outcome). */
    default MessageParts parts(OutboundMessage message) {
        return MessageParts.UNCOUNTED;
    }

    /** Hands one message to the gateway; a failure to reach it is an outcome ({@code RETRY}), not an exception. */
    SendOutcome send(A account, OutboundMessage message);
}
