package io.ispflow.platform.audit.web;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.ispflow.platform.TenantContext;
import io.ispflow.platform.audit.AuditTrail;

/**
 * The audit log for those who answer for a company: its {@code isp_admin}, or a {@code super_admin}
 * (the company he names in {@code X-Company-Id}, or without one the platform's own entries). Newest
 * first; page back with {@code before}, the time of the last entry seen.
 */
@RestController
@RequestMapping("/api/audit")
@Validated
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('super_admin','isp_admin')")
    List<AuditTrail.Entry> latest(@RequestParam(required = false) @Size(max = 64) String actor,
            @RequestParam(required = false) Instant before,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return trail.latest(TenantContext.currentCompanyId().orElse(null), actor, before, limit);
    }
}
