package io.ispflow.network.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import io.ispflow.network.Inventory;
import io.ispflow.network.InventoryCategory;
import io.ispflow.network.InventoryItemDetails;
import io.ispflow.network.InventoryStatus;
import io.ispflow.platform.CompanyHeader;
import io.ispflow.platform.TenantScope;
import io.ispflow.shared.StaffRole;
import io.ispflow.testing.Api;
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.OnboardingFixture;
import io.ispflow.testing.TestCompanies;
import io.ispflow.testing.TestCompanies.TestCompany;
import io.ispflow.tenancy.StaffDirectory;

@IntegrationTest
class InventoryApiIntegrationTests {

    static final String ITEMS = "/api/inventory/items";
    static final String DELIVERIES = "/api/inventory/deliveries";

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestCompanies testCompanies;
    @Autowired
    OnboardingFixture onboarding;
    @Autowired
    StaffDirectory staff;
    @Autowired
    TenantScope tenantScope;
    @Autowired
    Inventory inventory;

    final ObjectMapper json = new ObjectMapper();
    Api api;
    TestCompany acme;
    TestCompany rival;

    @BeforeEach
    void twoCompanies() {
        api = new Api(http);
        acme = testCompanies.create();
        rival = testCompanies.create();
    }

    static Map<String, Object> item(String category, String serial, String mac) {
        var body = new HashMap<String, Object>();
        body.put("category", category);
        body.put("name", "Test " + category);
        body.put("manufacturer", "Huawei");
        body.put("model", "EG8145V5");
        body.put("serialNumber", serial);
        body.put("macAddress", mac);
        body.put("cost", "4500.00");
        body.put("location", "Main store");
        return body;
    }

    String assets(TestCompany company) {
        return company.user(StaffRole.INFRASTRUCTURE_ASSET);
    }

    JsonNode added(TestCompany company, Map<String, Object> body) {
        var reply = api.post(ITEMS, assets(company), body);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        return reply.body();
    }

    Api.Reply deliver(TestCompany company, String csv) {
        return deliver(assets(company), MediaType.parseMediaType("text/csv"), csv.getBytes(StandardCharsets.UTF_8));
    }

    Api.Reply deliver(String user, MediaType type, byte[] body) {
        var headers = new HttpHeaders();
        headers.setBasicAuth(user, TestCompanies.PASSWORD);
        headers.setContentType(type);
        var response = http.exchange(DELIVERIES, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
        try {
            return new Api.Reply(response.getStatusCode().value(),
                    response.getBody() == null ? json.createObjectNode() : json.readTree(response.getBody()),
                    response.getHeaders());
        } catch (Exception notJson) {
            throw new IllegalStateException(response.getBody(), notJson);
        }
    }

    long itemsOf(TestCompany company) {
        var reply = api.get(ITEMS, assets(company));
        assertThat(reply.status()).isEqualTo(200);
        return reply.body().path("page").path("totalElements").asLong();
    }

    List<String> itemIds(Api.Reply list) {
        var ids = new ArrayList<String>();
        list.body().path("content").forEach(item -> ids.add(item.path("itemId").asText()));
        return ids;
    }

    Api.Reply status(TestCompany company, String id, String status, UUID clientId) {
        var body = new HashMap<String, Object>();
        body.put("status", status);
        body.put("clientId", clientId);
        return api.post(ITEMS + "/" + id + "/status", assets(company), body);
    }

    @Test
    void itemIdsCountUpPerCompanyAndCategory() {
        String firstCpe = added(acme, item("cpe", "SN-1", null)).path("itemId").asText();
        String secondCpe = added(acme, item("cpe", "SN-2", null)).path("itemId").asText();
        String router = added(acme, item("router", "SN-3", null)).path("itemId").asText();
        String rivalCpe = added(rival, item("cpe", "SN-1", null)).path("itemId").asText();

        assertThat(List.of(firstCpe, secondCpe, router)).containsExactly("CPE-000001", "CPE-000002", "RTR-000001");
        assertThat(rivalCpe).isEqualTo("CPE-000001");
    }

    @Test
    void aNewItemIsInStockWithItsMacNormalisedAndItsCostInShillings() {
        var item = added(acme, item("onu", "HWTC1234", "48-57-02-aa-bb-cc"));

        assertThat(item.path("status").asText()).isEqualTo("in_stock");
        assertThat(item.path("macAddress").asText()).isEqualTo("48:57:02:AA:BB:CC");
        assertThat(item.path("cost").decimalValue()).isEqualByComparingTo("4500.00");
        assertThat(api.get(ITEMS + "/" + item.path("id").asText(), assets(acme)).body().path("item")
                .path("serialNumber").asText()).isEqualTo("HWTC1234");
    }

    @Test
    void serialNumbersAndMacAddressesAreUniqueWithinACompany() {
        added(acme, item("onu", "HWTC0001", "48:57:02:00:00:01"));

        var sameSerial = api.post(ITEMS, assets(acme), item("onu", "HWTC0001", null));
        var sameMac = api.post(ITEMS, assets(acme), item("onu", "HWTC0002", "4857.0200.0001"));

        assertThat(sameSerial.status()).isEqualTo(409);
        assertThat(sameSerial.text("field")).isEqualTo("serialNumber");
        assertThat(sameSerial.text("existingItemId")).isEqualTo("ONU-000001");
        assertThat(sameMac.status()).isEqualTo(409);
        assertThat(sameMac.text("field")).isEqualTo("macAddress");
        assertThat(itemsOf(acme)).isEqualTo(1);
        assertThat(api.post(ITEMS, assets(rival), item("onu", "HWTC0001", "48:57:02:00:00:01")).status())
                .as("another company's stock").isEqualTo(201);
    }

    @Test
    void everyChangeIsOnRecordWithWhoAndWhatBeforeAndAfter() {
        var client = onboarding.register(acme, "Inventory Client");
        String id = added(acme, item("cpe", "LB-0001", null)).path("id").asText();
        var moved = item("cpe", "LB-0001", null);
        moved.put("location", "Van 2");
        assertThat(api.put(ITEMS + "/" + id, assets(acme), moved).status()).isEqualTo(200);
        assertThat(api.put(ITEMS + "/" + id, assets(acme), moved).status()).as("no change, no entry").isEqualTo(200);
        assertThat(status(acme, id, "assigned", client.id()).status()).isEqualTo(200);

        JsonNode history = api.get(ITEMS + "/" + id, acme.user(StaffRole.NETWORK_OPERATIONS)).body().path("history");

        String assetsProfile = staff.profileIdOf(assets(acme)).orElseThrow().toString();
        assertThat(history).hasSize(3);
        assertThat(history.get(0).path("action").asText()).isEqualTo("created");
        assertThat(history.get(0).path("changes").path("serialNumber").toString()).isEqualTo("[null,\"LB-0001\"]");
        assertThat(history.get(1).path("action").asText()).isEqualTo("updated");
        assertThat(history.get(1).path("changes").toString()).isEqualTo("{\"location\":[\"Main store\",\"Van 2\"]}");
        assertThat(history.get(2).path("action").asText()).isEqualTo("status_changed");
        assertThat(history.get(2).path("changes").path("status").toString()).isEqualTo("[\"in_stock\",\"assigned\"]");
        assertThat(history.get(2).path("changes").path("assignedClientId").get(1).asText())
                .isEqualTo(client.id().toString());
        history.forEach(entry -> {
            assertThat(entry.path("performedBy").asText()).isEqualTo(assetsProfile);
            assertThat(entry.path("at").asText()).isNotBlank();
        });
    }

    @Test
    void systemWorkIsOnRecordWithoutAStaffMember() {
        var item = tenantScope.callAs(acme.id(), () -> inventory.add(InventoryCategory.ONU,
                new InventoryItemDetails(null, null, null, "SYS-0001", null, null, null, null, null, null, null)));
        tenantScope.callAs(acme.id(), () -> inventory.changeStatus(item.id(), InventoryStatus.FAULTY, null));

        JsonNode history = api.get(ITEMS + "/" + item.id(), assets(acme)).body().path("history");

        assertThat(history).hasSize(2);
        history.forEach(entry -> assertThat(entry.has("performedBy")).as(entry.toString()).isFalse());
        assertThat(history.get(1).path("changes").path("status").toString()).isEqualTo("[\"in_stock\",\"faulty\"]");
    }

    @Test
    void statusesChangeOnlyAsAllowedAndRetiredIsFinal() {
        var client = onboarding.register(acme, "Inventory Client");
        var rivalClient = onboarding.register(rival, "Rival Client");
        String id = added(acme, item("router", "RB-0001", null)).path("id").asText();

        assertThat(status(acme, id, "assigned", null).status()).as("no client").isEqualTo(400);
        assertThat(status(acme, id, "returned", null).status()).as("never assigned").isEqualTo(409);
        assertThat(status(acme, id, "assigned", rivalClient.id()).status()).as("another company's client")
                .isEqualTo(409);
        var assigned = status(acme, id, "assigned", client.id());
        assertThat(assigned.text("assignedClientId")).isEqualTo(client.id().toString());
        assertThat(assigned.text("assignedAt")).isNotBlank();
        var returned = status(acme, id, "returned", null);
        assertThat(returned.status()).isEqualTo(200);
        assertThat(returned.body().has("assignedClientId")).as("the assignment ended").isFalse();
        assertThat(status(acme, id, "faulty", null).status()).isEqualTo(200);
        assertThat(status(acme, id, "retired", null).status()).isEqualTo(200);

        var afterRetirement = status(acme, id, "in_stock", null);
        assertThat(afterRetirement.status()).isEqualTo(409);
        assertThat(afterRetirement.text("type")).endsWith("/inventory-status-change-refused");
        assertThat(api.get(ITEMS + "/" + id, assets(acme)).body().path("item").path("status").asText())
                .isEqualTo("retired");
    }

    @Test
    void theListIsFilteredByCategoryAndStatusAndSearchedByItemIdSerialOrMac() {
        added(acme, item("cpe", "LBE-A1", "00:11:22:33:44:01"));
        String faulty = added(acme, item("cpe", "LBE-A2", "00:11:22:33:44:02")).path("id").asText();
        added(acme, item("router", "RB-B1", null));
        status(acme, faulty, "faulty", null);
        String reader = acme.user(StaffRole.CUSTOMER_SUPPORT);

        assertThat(itemIds(api.get(ITEMS + "?category=cpe", reader))).containsExactlyInAnyOrder("CPE-000001",
                "CPE-000002");
        assertThat(itemIds(api.get(ITEMS + "?status=faulty", reader))).containsExactly("CPE-000002");
        assertThat(itemIds(api.get(ITEMS + "?q=rb-b", reader))).containsExactly("RTR-000001");
        assertThat(itemIds(api.get(ITEMS + "?q=0011.2233.4401", reader))).containsExactly("CPE-000001");
        assertThat(itemIds(api.get(ITEMS + "?q=cpe-000002", reader))).containsExactly("CPE-000002");
        assertThat(itemIds(api.get(ITEMS + "?q=%25", reader))).as("% is no wildcard").isEmpty();
        var page = api.get(ITEMS + "?size=2&page=1", reader);
        assertThat(page.body().path("page").path("totalElements").asInt()).isEqualTo(3);
        assertThat(itemIds(page)).hasSize(1);
    }

    @Test
    void anotherCompanySeesNoneOfTheItemsAndCannotTouchThemById() {
        String id = added(acme, item("cpe", "LB-0001", null)).path("id").asText();
        String rivalAssets = assets(rival);
        String superAdmin = testCompanies.superAdmin();
        var asRival = Map.of(CompanyHeader.NAME, rival.id().toString());

        assertThat(itemsOf(rival)).isZero();
        assertThat(api.get(ITEMS + "?q=LB-0001", rivalAssets).body().path("content")).isEmpty();
        assertThat(api.get(ITEMS + "/" + id, rivalAssets).status()).isEqualTo(404);
        assertThat(api.put(ITEMS + "/" + id, rivalAssets, item("cpe", "X", null)).status()).isEqualTo(404);
        assertThat(status(rival, id, "retired", null).status()).isEqualTo(404);
        assertThat(api.call(HttpMethod.GET, ITEMS + "/" + id, superAdmin, null, asRival).status()).isEqualTo(404);
        assertThat(api.call(HttpMethod.POST, ITEMS + "/" + id + "/status", superAdmin, Map.of("status", "retired"),
                asRival).status()).isEqualTo(404);
        assertThat(api.call(HttpMethod.GET, ITEMS + "/" + id, assets(rival), null,
                Map.of(CompanyHeader.NAME, acme.id().toString())).status()).as("the header is for super admins only")
                .isEqualTo(404);

        var item = api.get(ITEMS + "/" + id, assets(acme)).body();
        assertThat(item.path("item").path("status").asText()).isEqualTo("in_stock");
        assertThat(item.path("item").path("serialNumber").asText()).isEqualTo("LB-0001");
        assertThat(item.path("history")).hasSize(1);
    }

    @Test
    void assetStaffKeepTheInventoryAndNetworkOperationsAndSupportReadIt() {
        String id = added(acme, item("cpe", "LB-0001", null)).path("id").asText();
        var csv = "category,serial_number\ncpe,LB-0002\n".getBytes(StandardCharsets.UTF_8);
        var textCsv = MediaType.parseMediaType("text/csv");

        for (StaffRole reader : List.of(StaffRole.NETWORK_OPERATIONS, StaffRole.CUSTOMER_SUPPORT)) {
            String user = acme.user(reader);
            assertThat(api.get(ITEMS, user).status()).as(reader + " lists").isEqualTo(200);
            assertThat(api.get(ITEMS + "/" + id, user).status()).as(reader + " reads").isEqualTo(200);
            assertThat(api.post(ITEMS, user, item("cpe", "LB-0009", null)).status()).as(reader + " adds").isEqualTo(403);
            assertThat(api.put(ITEMS + "/" + id, user, item("cpe", "LB-0001", null)).status()).isEqualTo(403);
            assertThat(api.post(ITEMS + "/" + id + "/status", user, Map.of("status", "faulty")).status())
                    .isEqualTo(403);
            assertThat(deliver(user, textCsv, csv).status()).isEqualTo(403);
        }
        for (StaffRole outsider : List.of(StaffRole.SALES_ACCOUNT_MANAGER, StaffRole.BILLING_FINANCE,
                StaffRole.HOTSPOT_ADMIN)) {
            String user = acme.user(outsider);
            assertThat(api.get(ITEMS, user).status()).as(outsider + " lists").isEqualTo(403);
            assertThat(api.get(ITEMS + "/" + id, user).status()).isEqualTo(403);
            assertThat(api.post(ITEMS, user, item("cpe", "LB-0009", null)).status()).isEqualTo(403);
            assertThat(deliver(user, textCsv, csv).status()).isEqualTo(403);
        }
        assertThat(api.post(ITEMS, acme.user(StaffRole.ISP_ADMIN), item("cpe", "LB-0003", null)).status())
                .isEqualTo(201);
        assertThat(api.call(HttpMethod.POST, ITEMS, testCompanies.superAdmin(), item("cpe", "LB-0004", null),
                Map.of(CompanyHeader.NAME, acme.id().toString())).status()).isEqualTo(201);
        assertThat(itemsOf(acme)).as("nothing written by the refused").isEqualTo(3);
        assertThat(api.get(ITEMS + "/" + id, acme.user(StaffRole.ISP_ADMIN)).body().path("history")).hasSize(1);
    }

    @Test
    void invalidItemsAreRefusedAsProblemsAndNothingIsWritten() {
        String id = added(acme, item("cpe", "LB-0001", null)).path("id").asText();
        var noCategory = item("cpe", "LB-0002", null);
        noCategory.remove("category");
        var toaster = item("toaster", "LB-0002", null);
        var badMac = item("cpe", "LB-0002", "00:11:22:33:44");
        var negative = item("cpe", "LB-0002", null);
        negative.put("cost", "-1");
        var fractions = item("cpe", "LB-0002", null);
        fractions.put("cost", "10.005");
        var tooLong = item("cpe", "X".repeat(101), null);

        for (var body : List.of(noCategory, toaster, badMac, negative, fractions, tooLong)) {
            var reply = api.post(ITEMS, assets(acme), body);
            assertThat(reply.status()).as(body.toString()).isEqualTo(400);
            assertThat(reply.text("type")).endsWith("/validation");
            assertThat(reply.body().path("errors")).as(body.toString()).isNotEmpty();
        }
        var otherCategory = api.put(ITEMS + "/" + id, assets(acme), item("router", "LB-0001", null));
        assertThat(otherCategory.status()).isEqualTo(400);
        assertThat(otherCategory.body().path("errors").get(0).path("field").asText()).isEqualTo("category");
        assertThat(api.post(ITEMS + "/" + id + "/status", assets(acme), Map.of("status", "lost")).status())
                .isEqualTo(400);
        assertThat(api.get(ITEMS + "?status=lost", assets(acme)).status()).isEqualTo(400);
        assertThat(api.get(ITEMS + "/not-a-uuid", assets(acme)).status()).isEqualTo(400);
        assertThat(api.get(ITEMS + "/" + UUID.randomUUID(), assets(acme)).status()).isEqualTo(404);
        assertThat(api.post(ITEMS, assets(acme), "{\"category\":").status()).isEqualTo(400);

        assertThat(itemsOf(acme)).isEqualTo(1);
        assertThat(api.get(ITEMS + "/" + id, assets(acme)).body().path("history")).hasSize(1);
    }

    @Test
    void aDeliveryIsTakenIntoStockWhole() {
        var reply = deliver(acme, """
                Category,Name,Serial Number,MAC Address,Cost,Supplier,Purchase Date,Notes
                onu,EG8145V5,HWTC0001,48-57-02-00-00-01,3200.00,"Huawei, Nairobi",2026-11-30,"said ""boxed""\"

                ONU,EG8145V5,HWTC0002,485702000002,3200,"Huawei, Nairobi",2026-11-30,
                router,hAP ac2,RB-0001,,5600.50,,,
                """);

        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        assertThat(reply.body().path("received").asInt()).isEqualTo(3);
        JsonNode items = reply.body().path("items");
        assertThat(items.get(0).path("itemId").asText()).isEqualTo("ONU-000001");
        assertThat(items.get(0).path("supplier").asText()).isEqualTo("Huawei, Nairobi");
        assertThat(items.get(0).path("notes").asText()).isEqualTo("said \"boxed\"");
        assertThat(items.get(1).path("itemId").asText()).isEqualTo("ONU-000002");
        assertThat(items.get(1).path("macAddress").asText()).isEqualTo("48:57:02:00:00:02");
        assertThat(items.get(2).path("itemId").asText()).isEqualTo("RTR-000001");
        assertThat(items.get(2).path("cost").decimalValue()).isEqualByComparingTo("5600.50");
        assertThat(api.get(ITEMS + "/" + items.get(2).path("id").asText(), assets(acme)).body().path("history")
                .get(0).path("action").asText()).isEqualTo("created");
    }

    @Test
    void aDeliveryWithAnyFaultIsRefusedWholeWithEveryFaultByLine() {
        added(acme, item("onu", "HWTC0009", null));

        var reply = deliver(acme, """
                category,serial_number,mac_address,cost,purchase_date
                onu,HWTC0001,48:57:02:00:00:01,3200,2026-11-30
                onu,HWTC0002,48:57:02:00:00,3200,2026-11-30
                onu,HWTC0001,,3200,
                onu,HWTC0009,,,
                toaster,HWTC0005,,,
                onu,HWTC0006,,-5,30/11/2026
                onu,HWTC0007,4857.0200.0001,,,extra
                """);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("type")).endsWith("/delivery-refused");
        var faults = new ArrayList<String>();
        reply.body().path("errors").forEach(e -> faults.add(e.path("line").asInt() + " " + e.path("field").asText("")));
        assertThat(faults).containsExactly("3 macAddress", "4 serialNumber", "5 serialNumber", "6 category",
                "7 purchaseDate", "7 cost", "8 ");
        assertThat(reply.body().path("errors").get(2).path("message").asText()).isEqualTo("is in stock already as ONU-000001");
        assertThat(itemsOf(acme)).as("nothing of it taken in").isEqualTo(1);
    }

    @Test
    void aDeliveryMustHaveAKnownHeaderUtf8TextAndStayWithinItsLimits() {
        assertThat(deliver(acme, "").text("type")).endsWith("/delivery-refused");
        assertThat(deliver(acme, "serial_number\nHWTC0001\n").body().path("errors").get(0).path("message").asText())
                .isEqualTo("a category column is required");
        assertThat(deliver(acme, "category,colour\nonu,red\n").status()).isEqualTo(400);
        assertThat(deliver(acme, "category,serial,serial_number\nonu,a,b\n").status()).isEqualTo(400);
        assertThat(deliver(acme, "category\n").body().path("errors").get(0).path("message").asText())
                .isEqualTo("the delivery has no items");
        assertThat(deliver(acme, "category,name\nonu,\"open quote\n").status()).isEqualTo(400);
        var latin1 = deliver(assets(acme), MediaType.parseMediaType("text/csv"),
                "category,name\nonu,Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(latin1.status()).isEqualTo(400);
        assertThat(latin1.text("type")).endsWith("/delivery-unreadable");
        var nul = deliver(acme, "category,name\nonu,a\u0000b\n");
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.body().path("errors").get(0).path("field").asText()).isEqualTo("name");

        var tooManyLines = new StringBuilder("category,serial_number\n");
        for (int i = 0; i <= DeliveryCsv.MAX_LINES; i++) {
            tooManyLines.append("onu,S").append(i).append('\n');
        }
        assertThat(deliver(acme, tooManyLines.toString()).status()).isEqualTo(413);
        String tooLarge = "category,notes\nonu," + "x".repeat(DeliveryCsv.MAX_BYTES) + "\n";
        assertThat(deliver(acme, tooLarge).status()).isEqualTo(413);
        assertThat(deliver(assets(acme), MediaType.APPLICATION_JSON, "{}".getBytes(StandardCharsets.UTF_8)).status())
                .isEqualTo(415);

        assertThat(itemsOf(acme)).isZero();
    }

    @Test
    void concurrentDeliveriesNumberEveryItemOnceWithoutGaps() throws Exception {
        var pool = Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> deliver(acme, cpes("A", 40)));
            var second = pool.submit(() -> deliver(acme, cpes("B", 40)));
            var ids = new ArrayList<String>();
            for (var delivery : List.of(first.get(), second.get())) {
                assertThat(delivery.status()).as(delivery.body().toString()).isEqualTo(201);
                delivery.body().path("items").forEach(item -> ids.add(item.path("itemId").asText()));
            }
            assertThat(ids).hasSize(80).doesNotHaveDuplicates()
                    .allSatisfy(id -> assertThat(Integer.parseInt(id.substring(4))).isBetween(1, 80));
        } finally {
            pool.shutdownNow();
        }
    }

    static String cpes(String prefix, int count) {
        var csv = new StringBuilder("category,serial_number\n");
        for (int i = 1; i <= count; i++) {
            csv.append("cpe,").append(prefix).append(i).append('\n');
        }
        return csv.toString();
    }

    @Test
    void aDeliveryAtTheLineLimitIsTakenIn() {
        var csv = new StringBuilder("category,serial_number\n");
        for (int i = 1; i <= DeliveryCsv.MAX_LINES; i++) {
            csv.append("consumable,C").append(i).append('\n');
        }

        var reply = deliver(acme, csv.toString());

        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        assertThat(reply.body().path("received").asInt()).isEqualTo(DeliveryCsv.MAX_LINES);
        assertThat(reply.body().path("items").get(DeliveryCsv.MAX_LINES - 1).path("itemId").asText())
                .isEqualTo("CON-002000");
    }
}
