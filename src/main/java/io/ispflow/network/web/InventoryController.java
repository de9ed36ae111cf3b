package io.ispflow.network.web;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.ispflow.network.DeliveryRefused;
import io.ispflow.network.Inventory;
import io.ispflow.network.InventoryCategory;
import io.ispflow.network.InventoryChange;
import io.ispflow.network.InventoryItem;
import io.ispflow.network.InventoryItemNotFound;
import io.ispflow.network.InventoryStatus;

/**
 * The company's inventory: items, their history, status changes and CSV deliveries. Asset staff keep
 * it; network operations and customer support read it.
 */
@RestController
@RequestMapping("/api/inventory")
class InventoryController {

    static final String KEEPERS = "hasAnyRole('super_admin','isp_admin','infrastructure_asset')";
    static final String READERS = "hasAnyRole('super_admin','isp_admin','infrastructure_asset','network_operations',"
            + "'customer_support')";

    private final Inventory inventory;
    private final DeliveryCsv csv;

    InventoryController(Inventory inventory, DeliveryCsv csv) {
        this.inventory = inventory;
        this.csv = csv;
    }

    /** An item with its history, oldest entry first. */
    record ItemWithHistory(InventoryItem item, List<InventoryChange> history) {
    }

    /** A status change; {@code clientId} names the client an item is assigned to, and only then. */
    record StatusRequest(@NotNull InventoryStatus status, UUID clientId) {
    }

    /** What a delivery brought into stock. */
    record Delivery(int received, List<InventoryItem> items) {
    }

    @GetMapping("/items")
    @PreAuthorize(READERS)
    PagedModel<InventoryItem> list(@RequestParam(required = false) InventoryCategory category,
            @RequestParam(required = false) InventoryStatus status,
            @RequestParam(required = false) @Size(max = 100) String q, @PageableDefault(size = 20) Pageable page) {
        return new PagedModel<>(inventory.search(category, status, q, page));
    }

    @GetMapping("/items/{id}")
    @PreAuthorize(READERS)
    ItemWithHistory get(@PathVariable UUID id) {
        InventoryItem item = inventory.find(id).orElseThrow(() -> new InventoryItemNotFound(id));
        return new ItemWithHistory(item, inventory.history(id));
    }

    @PostMapping("/items")
    @PreAuthorize(KEEPERS)
    ResponseEntity<InventoryItem> add(
            @Validated(InventoryItemRequest.Creation.class) @RequestBody InventoryItemRequest request) {
        InventoryItem item = inventory.add(request.category(), request.details());
        return ResponseEntity.created(URI.create("/api/inventory/items/" + item.id())).body(item);
    }

    /** Replaces the item's details; the category may be left out, and cannot change. */
    @PutMapping("/items/{id}")
    @PreAuthorize(KEEPERS)
    InventoryItem update(@PathVariable UUID id, @Valid @RequestBody InventoryItemRequest request) {
        return inventory.update(id, request.category(), request.details());
    }

    @PostMapping("/items/{id}/status")
    @PreAuthorize(KEEPERS)
    InventoryItem changeStatus(@PathVariable UUID id, @Valid @RequestBody StatusRequest request) {
        return inventory.changeStatus(id, request.status(), request.clientId());
    }

    /** A delivery note as CSV ({@code text/csv}): every item into stock, or none and every fault by line. */
    @PostMapping(path = "/deliveries", consumes = "text/csv")
    @PreAuthorize(KEEPERS)
    @ResponseStatus(HttpStatus.CREATED)
    Delivery receive(HttpServletRequest request) throws IOException {
        DeliveryCsv.Read read = csv.read(request.getInputStream().readNBytes(DeliveryCsv.MAX_BYTES + 1));
        var errors = new ArrayList<>(read.errors());
        errors.addAll(inventory.conflicts(read.lines()));
        if (!errors.isEmpty()) {
            throw new DeliveryRefused(errors);
        }
        List<InventoryItem> items = inventory.receive(read.lines());
        return new Delivery(items.size(), items);
    }
}
