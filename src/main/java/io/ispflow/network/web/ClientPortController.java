package io.ispflow.network.web;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.ispflow.network.devices.AccessPorts;
import io.ispflow.network.devices.ClientPort;

/** A client's access port on a managed device, and its state as last polled. */
@RestController
@RequestMapping("/api/network/clients/{clientId}/port")
class ClientPortController {

    private final AccessPorts ports;

    ClientPortController(AccessPorts ports) {
        this.ports = ports;
    }

    /** The device and interface (IF-MIB ifIndex, 1 to 2147483647) the client is served on. */
    record PortRequest(@NotNull UUID deviceId, @NotNull @Min(1) @Max(Integer.MAX_VALUE) Integer ifIndex,
            @Size(max = 100) String ifName) {
    }

    @GetMapping
    @PreAuthorize(NetworkRoles.READERS)
    ClientPort get(@PathVariable UUID clientId) {
        return ports.of(clientId);
    }

    /** Puts the client on the port, ending his previous one. */
    @PutMapping
    @PreAuthorize(NetworkRoles.KEEPERS)
    ClientPort put(@PathVariable UUID clientId, @Valid @RequestBody PortRequest request) {
        return ports.assign(clientId, request.deviceId(), request.ifIndex(),
                request.ifName() == null || request.ifName().isBlank() ? null : request.ifName().strip());
    }

    @DeleteMapping
    @PreAuthorize(NetworkRoles.KEEPERS)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable UUID clientId) {
        ports.remove(clientId);
    }
}
