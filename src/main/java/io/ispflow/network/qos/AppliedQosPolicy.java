package io.ispflow.network.qos;

import java.util.UUID;

/**
 * The policy that applies to a client: his own ({@code source} {@code client}, with its reason), else
 * that of the package of his subscription ({@code package}).
 */
public record AppliedQosPolicy(UUID clientId, Source source, UUID servicePackageId, String reason, QosPolicy policy) {

    public enum Source {
        CLIENT, PACKAGE
    }
}
