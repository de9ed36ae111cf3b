package io.ispflow.network;

import java.util.UUID;

/**
 * Someone who can be sent to install: a staff user (who works the visit in Tasklist) or an external
 * technician without a login (whose report NOC enters).
 *
 * @param reference {@code staff:<userId>} or {@code external:<uuid>}, as forms carry it
 */
public record Technician(String reference, String label) {

    public static String staff(String userId) {
        return "staff:" + userId;
    }

    public static String external(UUID id) {
        return "external:" + id;
    }

    /** The staff user id of a reference, or null for an external technician. */
    public static String staffUserId(String reference) {
        return reference.startsWith("staff:") ? reference.substring("staff:".length()) : null;
    }

    /** The external technician id of a reference, or null for staff. */
    public static UUID externalId(String reference) {
        return reference.startsWith("external:") ? UUID.fromString(reference.substring("external:".length())) : null;
    }
}
