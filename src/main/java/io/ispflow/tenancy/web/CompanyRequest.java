package io.ispflow.tenancy.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import io.ispflow.shared.PhoneNumber;
import io.ispflow.shared.StaffRole;
import io.ispflow.tenancy.InviteStaff;
import io.ispflow.tenancy.LicenseType;
import io.ispflow.tenancy.RegisterCompany;

/** The body of {@code POST /api/companies}: the company and its first administrator. */
record CompanyRequest(
        @NotBlank @Size(max = 200) @Pattern(regexp = StaffFields.PRINTABLE, message = StaffFields.PRINTABLE_MESSAGE)
        String name,
        @NotBlank @Size(min = 2, max = 40)
        @Pattern(regexp = "[a-z0-9]*", message = "may hold only lower-case letters and digits") String slug,
        @NotNull @StaffFields.OneOf(LicenseType.class) String licenseType,
        @NotNull @Positive @Max(1_000_000) Integer clientLimit,
        @NotNull @Valid FirstAdmin firstAdmin) {

    /** The company's first {@code isp_admin}, invited with the company. */
    record FirstAdmin(
            @StaffFields.UserId String userId,
            @StaffFields.PersonName String firstName,
            @StaffFields.PersonName String lastName,
            @StaffFields.StaffEmail String email,
            @PhoneNumber @Size(max = 30) String phone) {
    }

    RegisterCompany toCompany() {
        return new RegisterCompany(name.strip(), slug, StaffFields.valueOf(LicenseType.class, licenseType), clientLimit);
    }

    InviteStaff toFirstAdmin() {
        return InvitationRequest.invite(firstAdmin.userId(), firstAdmin.firstName(), firstAdmin.lastName(),
                firstAdmin.email(), firstAdmin.phone(), StaffRole.ISP_ADMIN);
    }
}
