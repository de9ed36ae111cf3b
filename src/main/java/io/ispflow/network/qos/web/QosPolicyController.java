package io.ispflow.network.qos.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.ispflow.network.web.NetworkRoles;
import io.ispflow.network.qos.AppliedQosPolicy;
import io.ispflow.network.qos.NoQosPolicyFound;
import io.ispflow.network.qos.QosAssignments;
import io.ispflow.network.qos.QosPolicies;
import io.ispflow.network.qos.QosPolicy;
import io.ispflow.network.qos.QosPolicyNotFound;

/**
 * QoS policies, the policy of each service package and a client's own: network operations keep them,
 * customer support and asset staff read them. Nothing here reaches a device.
 */
@RestController
@RequestMapping("/api/network")
class QosPolicyController {

    private final QosPolicies policies;
    private final QosAssignments assignments;

    QosPolicyController(QosPolicies policies, QosAssignments assignments) {
        this.policies = policies;
        this.assignments = assignments;
    }

    /** The policy to give a package. */
    record PackagePolicy(@NotNull UUID policyId) {
    }

    /** The policy a client has of his own, and why. */
    record ClientPolicy(@NotNull UUID policyId, @Size(max = 500) String reason) {
    }

    @GetMapping("/qos-policies")
    @PreAuthorize(NetworkRoles.READERS)
    List<QosPolicy> list(@RequestParam(required = false) Boolean active) {
        return policies.list(active);
    }

    @GetMapping("/qos-policies/{id}")
    @PreAuthorize(NetworkRoles.READERS)
    QosPolicy get(@PathVariable UUID id) {
        return policies.find(id).orElseThrow(() -> new QosPolicyNotFound(id));
    }

    @PostMapping("/qos-policies")
    @PreAuthorize(NetworkRoles.KEEPERS)
    ResponseEntity<QosPolicy> create(@Valid @RequestBody QosPolicyRequest request) {
        QosPolicy policy = policies.create(request.limits());
        return ResponseEntity.created(URI.create("/api/network/qos-policies/" + policy.id())).body(policy);
    }

    @PutMapping("/qos-policies/{id}")
    @PreAuthorize(NetworkRoles.KEEPERS)
    QosPolicy update(@PathVariable UUID id, @Valid @RequestBody QosPolicyRequest request) {
        return policies.update(id, request.limits(), request.active());
    }

    /** 204 when deleted; a policy in use is deactivated instead: 200 with it. */
    @DeleteMapping("/qos-policies/{id}")
    @PreAuthorize(NetworkRoles.KEEPERS)
    ResponseEntity<QosPolicy> remove(@PathVariable UUID id) {
        return policies.remove(id).map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.noContent().build());
    }

    @GetMapping("/service-packages/{packageId}/qos-policy")
    @PreAuthorize(NetworkRoles.READERS)
    QosPolicy packagePolicy(@PathVariable UUID packageId) {
        return assignments.ofPackage(packageId)
                .orElseThrow(() -> new NoQosPolicyFound("The service package " + packageId + " has no QoS policy."));
    }

    @PutMapping("/service-packages/{packageId}/qos-policy")
    @PreAuthorize(NetworkRoles.KEEPERS)
    QosPolicy setPackagePolicy(@PathVariable UUID packageId, @Valid @RequestBody PackagePolicy request) {
        return assignments.setForPackage(packageId, request.policyId());
    }

    @DeleteMapping("/service-packages/{packageId}/qos-policy")
    @PreAuthorize(NetworkRoles.KEEPERS)
    ResponseEntity<Void> clearPackagePolicy(@PathVariable UUID packageId) {
        assignments.clearForPackage(packageId);
        return ResponseEntity.noContent().build();
    }

    /** The policy that applies to the client: his own, else his package's. */
    @GetMapping("/clients/{clientId}/qos-policy")
    @PreAuthorize(NetworkRoles.READERS)
    AppliedQosPolicy clientPolicy(@PathVariable UUID clientId) {
        return assignments.appliedTo(clientId);
    }

    @PutMapping("/clients/{clientId}/qos-policy")
    @PreAuthorize(NetworkRoles.KEEPERS)
    AppliedQosPolicy setClientPolicy(@PathVariable UUID clientId, @Valid @RequestBody ClientPolicy request) {
        String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
        return assignments.setForClient(clientId, request.policyId(), reason);
    }

    @DeleteMapping("/clients/{clientId}/qos-policy")
    @PreAuthorize(NetworkRoles.KEEPERS)
    ResponseEntity<Void> clearClientPolicy(@PathVariable UUID clientId) {
        assignments.clearForClient(clientId);
        return ResponseEntity.noContent().build();
    }
}
