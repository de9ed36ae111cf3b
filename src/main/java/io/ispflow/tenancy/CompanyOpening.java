package io.ispflow.tenancy;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ispflow.shared.StaffRole;

/**
 * Opens a company for business: the company (row, Camunda tenant, staff group) and the invitation of
 * its first {@code isp_admin}, who then invites the rest of the staff. One transaction: a refused
 * first administrator leaves no company behind.
 */
@Service
public class CompanyOpening {

    /** The company and its first administrator's invitation, whose token is shown this once. */
    public record OpenedCompany(Company company, Invitation firstAdmin) {
    }

    private final Companies companies;
    private final StaffAccounts accounts;

    CompanyOpening(Companies companies, StaffAccounts accounts) {
        this.companies = companies;
        this.accounts = accounts;
    }

    @Transactional
    public OpenedCompany open(RegisterCompany company, InviteStaff firstAdmin, String openedBy) {
        if (firstAdmin.role() != StaffRole.ISP_ADMIN) {
            throw new IllegalArgumentException("a company's first staff member is its isp_admin");
        }
        Company registered = companies.register(company);
        return new OpenedCompany(registered, accounts.invite(registered.id(), firstAdmin, openedBy));
    }
}
