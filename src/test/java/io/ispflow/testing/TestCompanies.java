package io.ispflow.testing;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.stereotype.Component;

import io.ispflow.shared.StaffRole;
import io.ispflow.tenancy.Companies;
import io.ispflow.tenancy.Company;
import io.ispflow.tenancy.LicenseType;
import io.ispflow.tenancy.NewStaffMember;
import io.ispflow.tenancy.RegisterCompany;
import io.ispflow.tenancy.StaffDirectory;

/** Creates fresh companies with one staff user per role, so that tests never share data. */
@Component
public class TestCompanies {

    public static final String PASSWORD = "s3cret-Test-pw";

    private final Companies companies;
    private final StaffDirectory staff;

    TestCompanies(Companies companies, StaffDirectory staff) {
        this.companies = companies;
        this.staff = staff;
    }

    /** A company of the test and the user ids of its staff. */
    public record TestCompany(Company company, Map<StaffRole, String> users) {

        public UUID id() {
            return company.id();
        }

        public String user(StaffRole role) {
            return users.get(role);
        }
    }

    public TestCompany create(LicenseType license, int clientLimit) {
        String slug = "t" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffffL);
        Company company = companies.register(new RegisterCompany("Test ISP " + slug, slug, license, clientLimit));
        var users = new java.util.EnumMap<StaffRole, String>(StaffRole.class);
        for (StaffRole role : StaffRole.values()) {
            if (role == StaffRole.SUPER_ADMIN) {
                continue;
            }
            String userId = slug + "_" + role.id();
            staff.enrol(new NewStaffMember(userId, PASSWORD, "Test", role.displayName(), userId + "@test.example",
                    role, company.id()));
            users.put(role, userId);
        }
        return new TestCompany(company, Map.copyOf(users));
    }

    public TestCompany create() {
        return create(LicenseType.PROFESSIONAL, 1000);
    }

    /** A super administrator of the platform (no company). */
    public String superAdmin() {
        String userId = "super_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
        staff.enrol(new NewStaffMember(userId, PASSWORD, "Test", "Super", userId + "@test.example",
                StaffRole.SUPER_ADMIN, null));
        return userId;
    }
}
