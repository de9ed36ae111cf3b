package io.ispflow.clients;

/**
 * Filters for the client list; both optional.
 *
 * @param status only clients in this status
 * @param text   part of the name, part of the phone number, or the account number
 */
public record ClientSearch(ClientStatus status, String text) {
}
