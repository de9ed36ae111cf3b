package io.ispflow.messaging.sms;

/**
 * What the gateway made of one message.
 *
 * @param messageId  the gateway's id of the message, to which its delivery reports refer (accepted only)
 * @param cost       what the gateway charged, as it wrote it ("KES 0.8000"), when it said
 * @param reason     why it was not accepted, in the gateway's words or ours
 * @param statusCode the gateway's per-recipient status code, or the HTTP status, 0 when none came back
 */
public record SendOutcome(Kind kind, String messageId, String cost, String reason, int statusCode) {

    public enum Kind {
        /** Taken by the gateway for delivery. */
        ACCEPTED,
        /** Not taken, for a reason that may pass (timeout, 5xx, the gateway's balance): try again later. */
        RETRY,
        /** Refused for good (invalid number, blacklisted, sender id): trying again changes nothing. */
        REJECTED
    }

    static SendOutcome accepted(String messageId, String cost, int statusCode) {
        return new SendOutcome(Kind.ACCEPTED, messageId, cost, null, statusCode);
    }

    static SendOutcome retry(String reason, int statusCode) {
        return new SendOutcome(Kind.RETRY, null, null, reason, statusCode);
    }

    static SendOutcome rejected(String reason, int statusCode) {
        return new SendOutcome(Kind.REJECTED, null, null, reason, statusCode);
    }
}
