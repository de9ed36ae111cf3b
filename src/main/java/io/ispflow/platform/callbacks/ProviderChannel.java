package io.ispflow.platform.callbacks;

import java.util.List;

/**
 * A provider that calls us (Daraja, the bank, the SMS gateway): the paths it posts to, the form of its
 * bodies, and how it is told, in its own format, that a call was refused or failed. The body filter and
 * the shared refusal route configuration answer each provider through its channel.
 */
public interface ProviderChannel {

    /** The path prefixes the provider posts to, each ending in {@code /}. */
    List<String> paths();

    /**
     * Whether the provider posts {@code application/x-www-form-urlencoded} bodies (Africa's Talking
     * does) rather than JSON. Its bodies are then read raw like any other, never as request parameters.
     */
    default boolean postsForms() {
        return false;
    }

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
