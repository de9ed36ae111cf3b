package io.ispflow.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.Map;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Upgrading a database whose client stock is in the equipment table: every device becomes an inventory
 * item with the same id, its status mapped and its client kept, on record as moved by the system; the
 * old rows are gone. The migration runs, like the application, as an ordinary role under row-level
 * security.
 */
class ClientStockMigrationTests {

    @Test
    void theClientStockMovesOntoInventoryItems() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            try (Connection c = postgres.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
                st.execute("create role ispflow login nosuperuser nobypassrls password 'pw'");
                st.execute("create database ispflow owner ispflow");
            }
            String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/ispflow";
            migrate(url, "27");
            JdbcTemplate db = new JdbcTemplate(postgres.getDatabase("postgres", "ispflow"));
            UUID company = company(db, "oldisp");
            UUID other = company(db, "otherisp");
            UUID holder = client(db, company, "100001");
            UUID former = client(db, company, "100002");
            UUID inStore = equipment(db, company, "EG8145V5", "OLD-1", "available");
            UUID deployed = equipment(db, company, "EG8145V5", "OLD-2", "deployed");
            UUID broken = equipment(db, company, "LBE-5AC-Gen2", "OLD-3", "maintenance");
            UUID gone = equipment(db, company, "RBD52G-5HacD2HnD", "OLD-4", "retired");
            UUID othersDevice = equipment(db, other, "EG8145V5", "OLD-1", "available");
            db.update("""
                    insert into client_equipment (client_id, equipment_id, assigned_at, returned_at, isp_company_id)
                    values (?, ?, '2026-01-05T09:00:00Z', '2026-03-01T09:00:00Z', ?),
                           (?, ?, '2026-03-10T09:00:00Z', null, ?)""",
                    former, deployed, company, holder, deployed, company);

            migrate(url, null);

            assertThat(db.queryForObject("select count(*) from equipment", Long.class)).isZero();
            assertThat(db.queryForObject("select count(*) from client_equipment", Long.class)).isZero();
            assertThat(item(db, inStore)).containsEntry("item_id", "ONU-000001").containsEntry("status", "in_stock")
                    .containsEntry("category", "onu").containsEntry("location", "Main store");
            assertThat(item(db, deployed)).containsEntry("item_id", "ONU-000002").containsEntry("status", "assigned")
                    .containsEntry("assigned_client_id", holder).containsEntry("location", "client premises");
            assertThat(item(db, broken)).containsEntry("item_id", "CPE-000001").containsEntry("status", "faulty");
            assertThat(item(db, gone)).containsEntry("item_id", "RTR-000001").containsEntry("status", "retired");
            assertThat(item(db, othersDevice)).containsEntry("item_id", "ONU-000001")
                    .containsEntry("isp_company_id", other);
            assertThat(db.queryForObject("select count(*) from inventory_history where performed_by is not null",
                    Long.class)).isZero();
            assertThat(db.queryForList("select action from inventory_history where inventory_item_id = ?"
                    + " order by created_at, id", String.class, deployed))
                    .containsExactly("created", "moved_from_equipment", "earlier_assignment");
            assertThat(db.queryForObject("""
                    select count(*) from inventory_history
                    where changes -> 'assigned_client_id' @> to_jsonb(?::text)""", Long.class, former.toString()))
                    .isEqualTo(1);
        }
    }

    private static Map<String, Object> item(JdbcTemplate db, UUID id) {
        return db.queryForMap("select * from inventory_items where id = ?", id);
    }

    private static UUID company(JdbcTemplate db, String slug) {
        return db.queryForObject("""
                insert into isp_companies (name, slug, license_type) values (?, ?, 'starter') returning id""",
                UUID.class, slug, slug);
    }

    private static UUID client(JdbcTemplate db, UUID company, String account) {
        return db.queryForObject("""
                insert into clients (account_number, name, phone, address, county, sub_county, client_type,
                                     connection_type, monthly_rate, isp_company_id)
                values (?, 'Old Client', '+254712345678', 'Kilimani', 'Nairobi', 'Dagoretti North', 'individual',
                        'fiber', 2999.00, ?) returning id""", UUID.class, account, company);
    }

    private static UUID equipment(JdbcTemplate db, UUID company, String model, String serial, String status) {
        return db.queryForObject("""
                insert into equipment (equipment_type_id, serial_number, brand, model, status, location, isp_company_id)
                select t.id, ?, t.brand, t.model, ?, 'Main store', ? from equipment_types t where t.model = ?
                returning id""", UUID.class, serial, status, company, model);
    }

    private static void migrate(String url, String target) {
        var flyway = Flyway.configure().dataSource(url, "ispflow", "pw").locations("classpath:db/migration");
        if (target != null) {
            flyway.target(target);
        }
        flyway.load().migrate();
    }
}
