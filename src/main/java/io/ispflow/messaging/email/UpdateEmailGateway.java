package io.ispflow.messaging.email;

/**
 * A company's mail account as an administrator enters it.
 *
 * @param username blank for a server that takes mail without a login (the stored password is then dropped)
 * @param password blank to keep the stored password
 * @param replyTo  blank when replies go to the sender
 */
public record UpdateEmailGateway(String host, int port, SmtpSecurity security, String username, String password,
        String fromAddress, String fromName, String replyTo, boolean active) {
}
