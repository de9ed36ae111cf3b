package io.ispflow.network.readings;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/** One network event: what happened, to which device and client, by whom ({@code triggeredBy}), when. */
public record NetworkEvent(UUID id, NetworkEventType type, UUID deviceId, String deviceName, UUID clientId,
        JsonNode data, String triggeredBy, boolean success, String errorMessage, Instant at) {
}
