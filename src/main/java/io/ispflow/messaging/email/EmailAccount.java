package io.ispflow.messaging.email;

/**
 * A company's mail account, decrypted for one batch of sends; never logged ({@link #toString()} hides
 * the password).
 *
 * @param username null when the server takes mail without a login (then there is no password either)
 * @param replyTo  null when replies go to the sender
 */
public record EmailAccount(String host, int port, SmtpSecurity security, String username, String password,
        String fromAddress, String fromName, String replyTo) {

    @Override
    public String toString() {
        return "EmailAccount[host=" + host + ", port=" + port + ", security=" + security + ", username=" + username
                + ", fromAddress=" + fromAddress + "]";
    }
}
