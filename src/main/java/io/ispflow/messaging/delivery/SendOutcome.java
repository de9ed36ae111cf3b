package io.ispflow.messaging.delivery;

/**
 * What the gateway made of one message.
 *
 * @param messageId  the message's id at the gateway, to which its delivery reports refer (accepted only): the
 *                   SMS gateway's id, or the {@code Message-ID} we gave an e-mail
 * @param cost       what the gateway charged, as it wrote it ("KES 0.8000"), when it said
 * @param reason     why it was not accepted, in the gateway's words or ours
 * @param statusCode the gateway's per-recipient status code, the HTTP status or the SMTP reply code, 0 when
 *                   none came back
 */
public record SendOutcome(Kind kind, String messageId, String cost, String reason, int statusCode) {

    public enum Kind {
        /** Taken by the gateway for delivery. */
        ACCEPTED,
        /** Not taken, for a reason that may pass (timeout, 5xx, the gateway's balance, SMTP 4xx): try again later. */
        RETRY,
        /** Refused for good (invalid number, blacklisted, sender id, SMTP 5xx): trying again changes nothing. */
        REJECTED
    }

    public static SendOutcome accepted(String messageId, String cost, int statusCode) {
        return new SendOutcome(Kind.ACCEPTED, messageId, cost, null, statusCode);
    }

    public static SendOutcome retry(String reason, int statusCode) {
        return new SendOutcome(Kind.RETRY, null, null, reason, statusCode);
    }

    public static SendOutcome rejected(String reason, int statusCode) {
        return new SendOutcome(Kind.REJECTED, null, null, reason, statusCode);
    }
}
