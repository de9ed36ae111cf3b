package io.ispflow.messaging.delivery;

/**
 * What a message is made of at its gateway, where the channel counts it: an SMS's segments and encoding.
 *
 * @param segments the parts it is sent as, null when the channel does not count them
 * @param encoding the parts' encoding ({@code GSM-7}, {@code UCS-2}), null likewise
 */
public record MessageParts(Integer segments, String encoding) {

    /** For a channel that does not count parts. */
    public static final MessageParts UNCOUNTED = new MessageParts(null, null);
}
