package io.ispflow.messaging.email;

/**
 * A company's mail account as staff see it.
 *
 * @param security    {@code starttls}, {@code ssl} or {@code none}
 * @param passwordSet whether a password is stored (the password itself is never returned)
 */
public record EmailGatewayConfiguration(String host, int port, String security, String username,
        boolean passwordSet, String fromAddress, String fromName, String replyTo, boolean active) {
}
