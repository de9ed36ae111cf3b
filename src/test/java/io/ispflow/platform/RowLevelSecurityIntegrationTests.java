package io.ispflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.TestCompanies;

/**
 * PostgreSQL itself keeps companies apart, underneath the API: the application's connections are
 * subject to row-level security, keyed on the company set for the transaction.
 */
@IntegrationTest
class RowLevelSecurityIntegrationTests {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    TenantScope tenantScope;
    @Autowired
    TestCompanies testCompanies;

    UUID companyA;
    UUID companyB;

    @BeforeEach
    void twoCompaniesWithAClientEach() {
        companyA = testCompanies.create().id();
        companyB = testCompanies.create().id();
        insertClient(companyA, "A-client");
        insertClient(companyB, "B-client");
    }

    @Test
    void aTransactionWithoutCompanySeesNoClientsAtAll() {
        Long visible = transactions.execute(tx -> jdbc.queryForObject(
                "select count(*) from clients where isp_company_id in (?, ?)", Long.class, companyA, companyB));
        assertThat(visible).isZero();
    }

    @Test
    void companyASeesOnlyItsOwnRowsEvenWhenAskingForB() {
        List<String> names = tenantScope.callAs(companyA, () -> transactions.execute(tx -> jdbc.queryForList(
                "select name from clients where isp_company_id in (?, ?)", String.class, companyA, companyB)));
        assertThat(names).containsExactly("A-client");
    }

    @Test
    void aFailedStatementInsideASwitchedScopeIsTheErrorThatSurfaces() {
        // as in a process step: the transaction runs, then work for one company fails in PostgreSQL
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> tenantScope.runAs(companyA,
                () -> jdbc.queryForObject("select 1 / 0", Integer.class))))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("division by zero");
    }

    @Test
    void companyACannotWriteARowOfB() {
        assertThatThrownBy(() -> tenantScope.runAs(companyA, () -> insertClientInTransaction(companyB, "smuggled")))
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("violates row-level security policy");
    }

    @Test
    void companyACannotUpdateOrDeleteRowsOfB() {
        int touched = tenantScope.callAs(companyA, () -> transactions.execute(tx ->
                jdbc.update("update clients set name = 'hijacked' where isp_company_id = ?", companyB)
                        + jdbc.update("delete from clients where isp_company_id = ?", companyB)));
        assertThat(touched).isZero();
        assertThat(namesOf(companyB)).containsExactly("B-client");
    }

    @Test
    void theSettingEndsWithTheTransaction() {
        tenantScope.runAs(companyA, () -> transactions.executeWithoutResult(tx -> { }));
        Long visibleAfterwards = transactions.execute(tx ->
                jdbc.queryForObject("select count(*) from clients", Long.class));
        assertThat(visibleAfterwards).isZero();
    }

    @Test
    void aStaffMembersTransactionCarriesHimAndSystemWorkNoOne() {
        UUID staffMember = UUID.randomUUID();

        UUID his = tenantScope.callAsStaff(companyA, staffMember, this::currentUser);
        UUID system = tenantScope.callAs(companyA, this::currentUser);
        UUID sameCompany = tenantScope.callAsStaff(companyA, staffMember, () -> tenantScope.callAs(companyA,
                this::currentUser));
        UUID otherCompany = tenantScope.callAsStaff(companyA, staffMember, () -> tenantScope.callAs(companyB,
                this::currentUser));

        assertThat(his).isEqualTo(staffMember);
        assertThat(system).isNull();
        assertThat(sameCompany).as("his request, making sure of its company").isEqualTo(staffMember);
        assertThat(otherCompany).as("work for another company").isNull();
    }

    private UUID currentUser() {
        return transactions.execute(tx -> jdbc.queryForObject("select current_user_id()", UUID.class));
    }

    @Test
    void theApplicationRoleCannotBypassRowLevelSecurity() {
        Boolean bypasses = jdbc.queryForObject(
                "select rolsuper or rolbypassrls from pg_roles where rolname = current_user", Boolean.class);
        assertThat(bypasses).isFalse();
    }

    @Test
    void everyTableWithACompanyColumnIsIsolated() {
        List<String> unprotected = jdbc.queryForList("""
                select c.relname from pg_class c
                join pg_namespace n on n.oid = c.relnamespace and n.nspname = current_schema()
                where c.relkind = 'r'
                  and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'isp_company_id')
                  and not (c.relrowsecurity and c.relforcerowsecurity
                           and exists (select 1 from pg_policy p where p.polrelid = c.oid))""", String.class);
        assertThat(unprotected).isEmpty();
    }

    private List<String> namesOf(UUID company) {
        return tenantScope.callAs(company, () -> transactions.execute(tx ->
                jdbc.queryForList("select name from clients", String.class)));
    }

    private void insertClient(UUID company, String name) {
        tenantScope.runAs(company, () -> insertClientInTransaction(company, name));
    }

    private void insertClientInTransaction(UUID company, String name) {
        transactions.executeWithoutResult(tx -> jdbc.update("""
                insert into clients (account_number, name, phone, address, county, sub_county, client_type,
                                     connection_type, monthly_rate, isp_company_id)
                values (?, ?, '+254712345678', 'Somewhere', 'Nairobi', 'Westlands', 'individual', 'fiber', 1000, ?)""",
                "X" + Math.abs(name.hashCode() % 100000), name, company));
    }
}
