package io.ispflow.tenancy.web;

import java.util.Set;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.ispflow.platform.StaffMember;
import io.ispflow.shared.StaffRole;
import io.ispflow.tenancy.Companies;
import io.ispflow.tenancy.Company;
import io.ispflow.tenancy.LicensePolicy;
import io.ispflow.tenancy.LicenseType;
import io.ispflow.tenancy.StaffDirectory;
import io.ispflow.tenancy.StaffProfile;

@RestController
@RequestMapping("/api/auth")
class ProfileController {

    private final StaffDirectory staff;
    private final Companies companies;
    private final LicensePolicy licenses;

    ProfileController(StaffDirectory staff, Companies companies, LicensePolicy licenses) {
        this.staff = staff;
        this.companies = companies;
        this.licenses = licenses;
    }

    record CompanyView(UUID id, String name, String slug, LicenseType licenseType, int clientLimit,
            Set<String> features) {
    }

    record ProfileView(String userId, String firstName, String lastName, String email, Set<StaffRole> roles,
            CompanyView company) {
    }

    @GetMapping("/profile")
    ProfileView profile(@AuthenticationPrincipal StaffMember me) {
        StaffProfile profile = (me.isSuperAdmin() ? staff.profileOfAnyCompany(me.userId()) : staff.profileOf(me.userId()))
                .orElseThrow(() -> new IllegalStateException("no profile for " + me.userId()));
        CompanyView company = me.companyId() == null ? null
                : companies.find(me.companyId()).map(this::view).orElse(null);
        return new ProfileView(profile.userId(), profile.firstName(), profile.lastName(), profile.email(),
                me.roles(), company);
    }

    private CompanyView view(Company company) {
        var terms = licenses.termsFor(company);
        return new CompanyView(company.id(), company.name(), company.slug(), company.licenseType(),
                terms.clientLimit(), terms.features());
    }
}
