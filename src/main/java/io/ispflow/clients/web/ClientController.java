package io.ispflow.clients.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.ispflow.clients.ClientDetails;
import io.ispflow.clients.ClientDirectory;
import io.ispflow.clients.ClientLifecycle;
import io.ispflow.clients.ClientStatusChange;
import io.ispflow.clients.ClientNotFound;
import io.ispflow.clients.ClientSearch;
import io.ispflow.clients.ClientStatus;
import io.ispflow.platform.StaffMember;

/**
 * Client accounts of the caller's company. Who may do what:
 * <ul>
 *   <li>read: every role but {@code hotspot_admin};</li>
 *   <li>register: administrators and sales;</li>
 *   <li>edit: administrators, sales and customer support;</li>
 *   <li>delete: administrators, and only clients without history.</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/clients")
class ClientController {

    static final String READERS = "hasAnyRole('super_admin','isp_admin','billing_finance','customer_support',"
            + "'sales_account_manager','network_operations','infrastructure_asset')";
    static final String REGISTRARS = "hasAnyRole('super_admin','isp_admin','sales_account_manager')";
    static final String EDITORS = "hasAnyRole('super_admin','isp_admin','sales_account_manager','customer_support')";
    static final String REMOVERS = "hasAnyRole('super_admin','isp_admin')";

    private final ClientDirectory clients;
    private final ClientLifecycle lifecycle;

    ClientController(ClientDirectory clients, ClientLifecycle lifecycle) {
        this.clients = clients;
        this.lifecycle = lifecycle;
    }

    @GetMapping
    @PreAuthorize(READERS)
    PagedModel<ClientDetails> list(@RequestParam(required = false) ClientStatus status,
            @RequestParam(required = false) String q,
            @PageableDefault(size = 20, sort = "createdAt", direction = Sort.Direction.DESC) Pageable page) {
        return new PagedModel<>(clients.search(new ClientSearch(status, q), page));
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    ClientDetails get(@PathVariable UUID id) {
        return clients.find(id).orElseThrow(() -> new ClientNotFound(id));
    }

    /** Who moved the client through which statuses, when and why (the onboarding's steps). */
    @GetMapping("/{id}/status-history")
    @PreAuthorize(READERS)
    List<ClientStatusChange> statusHistory(@PathVariable UUID id) {
        return lifecycle.history(id);
    }

    @PostMapping
    @PreAuthorize(REGISTRARS)
    ResponseEntity<ClientDetails> register(@Valid @RequestBody ClientRequest request,
            @AuthenticationPrincipal StaffMember me) {
        ClientDetails client = clients.register(request.toProfile(), me.userId());
        return ResponseEntity.created(URI.create("/api/clients/" + client.id())).body(client);
    }

    @PutMapping("/{id}")
    @PreAuthorize(EDITORS)
    ClientDetails update(@PathVariable UUID id, @Valid @RequestBody ClientRequest request) {
        return clients.update(id, request.toProfile());
    }

    @DeleteMapping("/{id}")
    @PreAuthorize(REMOVERS)
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        clients.remove(id);
        return ResponseEntity.noContent().build();
    }
}
