package io.ispflow.network.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.ispflow.network.devices.Device;
import io.ispflow.network.devices.DeviceNotFound;
import io.ispflow.network.devices.DeviceProbe;
import io.ispflow.network.devices.DeviceState;
import io.ispflow.network.devices.DeviceType;
import io.ispflow.network.devices.Devices;
import io.ispflow.network.readings.InterfaceReading;
import io.ispflow.network.readings.InterfaceReadings;
import io.ispflow.network.readings.TrafficSeries;

/**
 * The company's managed network devices, their interfaces and traffic. Network operations and ISP
 * administrators keep them; asset staff and customer support read them. SNMP secrets are write-only.
 */
@RestController
@RequestMapping("/api/network/devices")
class DeviceController {

    private final Devices devices;
    private final DeviceProbe probe;
    private final InterfaceReadings readings;

    DeviceController(Devices devices, DeviceProbe probe, InterfaceReadings readings) {
        this.devices = devices;
        this.probe = probe;
        this.readings = readings;
    }

    /** Devices by name; {@code q} searches names and management addresses. */
    @GetMapping
    @PreAuthorize(NetworkRoles.READERS)
    PagedModel<Device> list(@RequestParam(required = false) DeviceType type,
            @RequestParam(required = false) DeviceState state,
            @RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(defaultValue = "false") boolean includeRetired, @PageableDefault(size = 20) Pageable page) {
        return new PagedModel<>(devices.search(type, state, q, includeRetired, page));
    }

    @GetMapping("/{id}")
    @PreAuthorize(NetworkRoles.READERS)
    Device get(@PathVariable UUID id) {
        return devices.find(id).orElseThrow(() -> new DeviceNotFound(id));
    }

    @PostMapping
    @PreAuthorize(NetworkRoles.KEEPERS)
    ResponseEntity<Device> add(@Valid @RequestBody DeviceRequest request) {
        Device device = devices.add(request.settings());
        return ResponseEntity.created(URI.create("/api/network/devices/" + device.id())).body(device);
    }

    /** Replaces the device's settings; SNMP secrets left out are kept. */
    @PutMapping("/{id}")
    @PreAuthorize(NetworkRoles.KEEPERS)
    Device update(@PathVariable UUID id, @Valid @RequestBody DeviceRequest request) {
        return devices.update(id, request.settings());
    }

    /** Takes the device out of service for good; it stays on record. */
    @PostMapping("/{id}/retire")
    @PreAuthorize(NetworkRoles.KEEPERS)
    Device retire(@PathVariable UUID id) {
        return devices.retire(id);
    }

    /** One SNMP GET of sysName and sysUpTime now: what came back, or why nothing did. */
    @PostMapping("/{id}/test")
    @PreAuthorize(NetworkRoles.KEEPERS)
    DeviceProbe.Outcome test(@PathVariable UUID id) {
        return probe.probe(id);
    }

    @GetMapping("/{id}/interfaces")
    @PreAuthorize(NetworkRoles.READERS)
    List<InterfaceReading> interfaces(@PathVariable UUID id) {
        return readings.interfaces(id);
    }

    /** The interface's traffic over the last {@code hours} (1 to 168), at most 300 points. */
    @GetMapping("/{id}/interfaces/{ifIndex}/traffic")
    @PreAuthorize(NetworkRoles.READERS)
    TrafficSeries traffic(@PathVariable UUID id, @PathVariable @Min(1) int ifIndex,
            @RequestParam(defaultValue = "24") @Min(1) @Max(168) int hours) {
        return readings.traffic(id, ifIndex, hours);
    }
}
