package io.ispflow.network.web;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.ispflow.network.readings.NetworkEvent;
import io.ispflow.network.readings.NetworkEventHistory;
import io.ispflow.network.readings.NetworkEventType;

/** The company's network events, newest first. */
@RestController
@RequestMapping("/api/network/events")
class NetworkEventController {

    private final NetworkEventHistory history;

    NetworkEventController(NetworkEventHistory history) {
        this.history = history;
    }

    /** Filtered by type, device, client, and time ({@code from} inclusive, {@code to} exclusive, ISO 8601). */
    @GetMapping
    @PreAuthorize(NetworkRoles.READERS)
    PagedModel<NetworkEvent> list(@RequestParam(required = false) NetworkEventType type,
            @RequestParam(required = false) UUID deviceId, @RequestParam(required = false) UUID clientId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @PageableDefault(size = 50) Pageable page) {
        return new PagedModel<>(history.search(new NetworkEventHistory.Filter(type, deviceId, clientId, from, to), page));
    }
}
