package io.ispflow.tenancy.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.ispflow.platform.StaffMember;
import io.ispflow.tenancy.Companies;
import io.ispflow.tenancy.Company;
import io.ispflow.tenancy.CompanyNotFound;
import io.ispflow.tenancy.CompanyOpening;

/** The register of ISP companies, for super administrators only. */
@RestController
@RequestMapping("/api/companies")
@PreAuthorize("hasRole('super_admin')")
class CompanyController {

    private final Companies companies;
    private final CompanyOpening opening;

    CompanyController(Companies companies, CompanyOpening opening) {
        this.companies = companies;
        this.opening = opening;
    }

    record OpenedCompanyView(Company company, InvitationView firstAdmin) {
    }

    @PostMapping
    ResponseEntity<OpenedCompanyView> open(@Valid @RequestBody CompanyRequest request,
            @AuthenticationPrincipal StaffMember me) {
        var opened = opening.open(request.toCompany(), request.toFirstAdmin(), me.userId());
        return ResponseEntity.created(URI.create("/api/companies/" + opened.company().id()))
                .cacheControl(CacheControl.noStore())
                .body(new OpenedCompanyView(opened.company(), InvitationView.of(opened.firstAdmin())));
    }

    @GetMapping
    List<Company> list() {
        return companies.all();
    }

    @GetMapping("/{id}")
    Company get(@PathVariable UUID id) {
        return companies.findAnyCompany(id).orElseThrow(() -> new CompanyNotFound(id));
    }
}
