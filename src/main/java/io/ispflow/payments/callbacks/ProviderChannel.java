package io.ispflow.payments.callbacks;

import java.util.List;

/**
 * A payment provider that calls us (Daraja, the bank): the paths it posts to and how it is told, in its
 * own format, that a call was refused or failed. The body filter and the shared refusal route
 * configuration answer each provider through its channel.
 */
public interface ProviderChannel {

    /** The path prefixes the provider posts to, each ending in {@code /}. */
    List<String> paths();

    /** The answer to a refused call; {@code reason} is the refusal's kind, or "Rejected" before any route. */
    Object rejected(String reason);

    /** The answer to a call that failed on our side, so that the provider delivers it again. */
    Object failed();

    /** The channel of the provider that posts to this path. */
    static ProviderChannel posting(String path, List<ProviderChannel> channels) {
        return channels.stream().filter(channel -> path != null && channel.paths().stream().anyMatch(path::startsWith))
                .findFirst().orElseThrow(() -> new IllegalStateException("No provider posts to " + path));
    }
}
