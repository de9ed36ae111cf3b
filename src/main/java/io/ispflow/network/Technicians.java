package io.ispflow.network;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ispflow.platform.TenantContext;
import io.ispflow.shared.StaffRole;

/** Who can be sent on an installation visit: NOC staff of the company, and its external technicians. */
@Service
public class Technicians {

    private final IdentityService identityService;
    private final JdbcTemplate jdbc;

    Technicians(IdentityService identityService, JdbcTemplate jdbc) {
        this.identityService = identityService;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<Technician> available() {
        UUID company = TenantContext.requireCompanyId();
        List<Technician> technicians = new ArrayList<>();
        identityService.createUserQuery().memberOfGroup(StaffRole.NETWORK_OPERATIONS.id())
                .memberOfTenant(company.toString()).orderByUserFirstName().asc().list()
                .forEach(u -> technicians.add(new Technician(Technician.staff(u.getId()),
                        u.getFirstName() + " " + u.getLastName() + " (staff, " + u.getId() + ")")));
        technicians.addAll(jdbc.query("""
                select id, first_name, last_name, company_name from external_users
                where isp_company_id = ? and is_active and role = 'technician' order by first_name, last_name""",
                (rs, n) -> new Technician(Technician.external(rs.getObject("id", UUID.class)),
                        rs.getString("first_name") + " " + rs.getString("last_name") + " ("
                                + (rs.getString("company_name") == null ? "contractor" : rs.getString("company_name"))
                                + ")"),
                company));
        return technicians;
    }

    @Transactional
    public UUID enrolExternal(String firstName, String lastName, String email, String phone, String companyName) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into external_users (id, email, first_name, last_name, phone, role, company_name,
                                            specializations, isp_company_id)
                values (?, ?, ?, ?, ?, 'technician', ?, '{fiber,wireless}', ?)""",
                id, email, firstName, lastName, phone, companyName, TenantContext.requireCompanyId());
        return id;
    }
}
