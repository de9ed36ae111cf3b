package io.ispflow.platform.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.ispflow.billing.NewServicePackage;
import io.ispflow.billing.ServiceCatalogue;
import io.ispflow.clients.ClientDetails;
import io.ispflow.platform.TenantScope;
import io.ispflow.shared.StaffRole;
import io.ispflow.testing.Api;
import io.ispflow.testing.ProviderPeers;
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.OnboardingFixture;
import io.ispflow.testing.TestCompanies;
import io.ispflow.testing.TestCompanies.TestCompany;
import io.ispflow.tenancy.StaffDirectory;

/**
 * Generated input against every public endpoint: the {@code /api} endpoints Spring MVC maps, the engine
 * REST API as staff use it, and the provider intakes. Whatever is sent, no answer is a server error,
 * and a refused request stores nothing. Deterministic for a seed: {@code -Dfuzz.seed=…},
 * {@code -Dfuzz.inputs=…} per endpoint. Prints each endpoint's figures ({@code fuzz: …}).
 */
@IntegrationTest
class FuzzPassIntegrationTests extends ProviderPeers {

    static final long SEED = Long.getLong("fuzz.seed", 20_251_201L);
    static final int INPUTS = Integer.getInteger("fuzz.inputs", 80);
    static final String BANK_SECRET = "fuzz-pass-bank-shared-secret-0000000001";
    /** Provider intakes are fuzzed as listed targets, with their tokens. */
    static final List<String> INTAKES = List.of("/api/payments/mpesa/callback/", "/api/payments/paybill/",
            "/api/payments/bank/", "/api/messaging/sms/");

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    ApplicationContext context;
    @Autowired
    TestCompanies testCompanies;
    @Autowired
    OnboardingFixture onboarding;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    TenantScope tenantScope;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ServiceCatalogue catalogue;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    final FuzzTally tally = new FuzzTally();
    @Autowired
    StaffDirectory staff;
    TestCompany acme;
    UUID adminProfile;

    @Test
    void noInputGetsAServerErrorAndNoRefusalStoresAnything() {
        var known = givenACompanyWithClientsTasksAndPaymentChannels();
        var company = new FuzzTarget.Company(testCompanies.superAdmin(), acme.id());
        var inputs = new FuzzInputs(new Random(SEED));
        long started = System.currentTimeMillis();

        for (FuzzTarget target : targets(known)) {
            for (int input = 0; input < INPUTS; input++) {
                send(target, target.request(inputs, "http://localhost:" + port, company));
            }
        }

        tally.print(System.out, SEED, System.currentTimeMillis() - started);
        assertThat(tally.serverErrors()).as("inputs answered with a server error").isEmpty();
        assertThat(tally.storedOnRefusal()).as("refused inputs that stored something").isEmpty();
    }

    /** Intakes first: fuzzing the settings endpoints may replace the tokens they are called with. */
    private List<FuzzTarget> targets(FuzzListedTargets.Known known) {
        // ids of clients, inventory items and network devices: the endpoints of each name them {id}
        var ids = new ArrayList<>(known.clientIds());
        ids.addAll(givenInventoryItems());
        ids.addAll(givenNetworkDevices(known.clientIds().get(0)));
        String policy = givenAQosPolicy();
        ids.add(policy);
        var real = new HashMap<String, List<String>>(Map.of("id", ids, "clientId", known.clientIds(),
                "packageId", List.of(givenAPackageWithThePolicy(policy)), "ifIndex", List.of("1", "2")));
        real.putAll(givenStaffMessagesOfTheAdministrator());
        var api = FuzzTargets.api(context.getBeansOfType(RequestMappingHandlerMapping.class).values(), acme, real,
                INTAKES, UUID.fromString(known.clientIds().get(0)));
        return Stream.of(FuzzListedTargets.intakes(known), FuzzListedTargets.engineRest(known), api)
                .flatMap(List::stream).toList();
    }

    private void send(FuzzTarget target, FuzzTarget.Request request) {
        Map<String, Object> before = target.writes() ? keyRows() : null;
        int status;
        String answer;
        try {
            var builder = HttpRequest.newBuilder(request.uri()).timeout(Duration.ofSeconds(60))
                    .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body().bytes()));
            request.headers().forEach(builder::header);
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            answer = response.body();
        } catch (Exception noAnswer) {
            status = 599;
            answer = "no answer: " + noAnswer;
        }
        tally.record(target, request, status, answer);
        if (before != null && status >= 400) {
            Map<String, Object> after = keyRows();
            if (!after.equals(before)) {
                tally.storedOnRefusal(request, status, before + " -> " + after);
            }
        }
    }

    /** Two items in the company's inventory, one of them assigned to a client. */
    private List<String> givenInventoryItems() {
        var api = new Api(rest);
        String assets = acme.user(StaffRole.INFRASTRUCTURE_ASSET);
        String inStock = api.post("/api/inventory/items", assets, Map.of("category", "onu", "serialNumber",
                "FUZZ-INV-1")).text("id");
        String assigned = api.post("/api/inventory/items", assets, Map.of("category", "cpe", "serialNumber",
                "FUZZ-INV-2")).text("id");
        String client = api.get("/api/clients", assets).body().path("content").get(0).path("id").asText();
        api.post("/api/inventory/items/" + assigned + "/status", assets, Map.of("status", "assigned", "clientId", client));
        return List.of(inStock, assigned);
    }

    /** Two network devices of the company, a client on a port of the first, and a sample of that port. */
    private List<String> givenNetworkDevices(String client) {
        var api = new Api(rest);
        String noc = acme.user(StaffRole.NETWORK_OPERATIONS);
        String first = api.post("/api/network/devices", noc, Map.of("name", "fuzz-sw-1", "deviceType", "switch",
                "ipAddress", "127.0.0.1", "snmp", Map.of("version", "v2c", "community", "fuzz-community"))).text("id");
        String second = api.post("/api/network/devices", noc, Map.of("name", "fuzz-sw-2", "deviceType", "router",
                "ipAddress", "::1", "snmp", Map.of("version", "v3", "user", "fuzz", "authProtocol", "SHA",
                        "authKey", "fuzz-auth-key", "privProtocol", "AES128", "privKey", "fuzz-priv-key"))).text("id");
        api.put("/api/network/clients/" + client + "/port", noc, Map.of("deviceId", first, "ifIndex", 1));
        tenantScope.runAs(acme.id(), () -> transactions.executeWithoutResult(tx -> jdbc.update("""
                insert into interface_statistics (equipment_id, interface_index, interface_name, status, in_bps,
                                                  out_bps, isp_company_id)
                values (?::uuid, 1, 'ether1', 'up', 1000, 2000, ?)""", first, acme.id())));
        return List.of(first, second);
    }

    /** A QoS policy of the company, for the endpoints that name a policy {id}. */
    private String givenAQosPolicy() {
        return new Api(rest).post("/api/network/qos-policies", acme.user(StaffRole.NETWORK_OPERATIONS),
                Map.of("name", "Fuzz 20", "maxBandwidthDown", 20_000, "maxBandwidthUp", 10_000)).text("id");
    }

    /** A service package of the company that has the policy. */
    private String givenAPackageWithThePolicy(String policy) {
        UUID pkg = tenantScope.callAs(acme.id(), () -> catalogue.add(new NewServicePackage("Fuzz Home 20", null,
                "fiber", 20, 10, new java.math.BigDecimal("2999.00")))).id();
        new Api(rest).put("/api/network/service-packages/" + pkg + "/qos-policy", acme.user(StaffRole.NETWORK_OPERATIONS),
                Map.of("policyId", policy));
        return pkg.toString();
    }

    /**
     * Messages to and from the administrator (the staff messaging endpoints are called as him), one with
     * an attachment, and his notification of the one he received: real path segments for those endpoints.
     */
    private Map<String, List<String>> givenStaffMessagesOfTheAdministrator() {
        var api = new Api(rest);
        String admin = acme.user(StaffRole.ISP_ADMIN);
        String billing = acme.user(StaffRole.BILLING_FINANCE);
        String sent = api.post("/api/messaging/messages", admin,
                Map.of("to", billing, "subject", "Fuzz", "content", "Sent by the administrator")).text("id");
        String received = api.post("/api/messaging/messages", billing,
                Map.of("to", admin, "subject", "Fuzz", "content", "Received by the administrator")).text("id");
        var headers = new org.springframework.http.HttpHeaders();
        headers.setBasicAuth(admin, TestCompanies.PASSWORD);
        headers.setContentType(org.springframework.http.MediaType.TEXT_PLAIN);
        String attachment = rest.postForObject("/api/messaging/messages/" + sent + "/attachments?fileName=fuzz.txt",
                new org.springframework.http.HttpEntity<>("fuzz notes".getBytes(), headers),
                com.fasterxml.jackson.databind.JsonNode.class).path("id").asText();
        String notification = api.get("/api/messaging/notifications", admin).body().path("content").get(0)
                .path("id").asText();
        adminProfile = staff.profileIdOf(admin).orElseThrow();
        return Map.of("messageId", List.of(sent, received), "threadId", List.of(sent, received),
                "attachmentId", List.of(attachment), "notificationId", List.of(notification));
    }

    /**
     * Rows of the key tables as the company's administrator sees them (the staff messaging tables show
     * only his), and the engine's executions (not tenant-filtered).
     */
    private Map<String, Object> keyRows() {
        return tenantScope.callAsStaff(acme.id(), adminProfile, () -> transactions.execute(tx -> jdbc.queryForMap("""
                select (select count(*) from clients) as clients, (select count(*) from payments) as payments,
                       (select count(*) from internal_messages) as internal_messages,
                       (select count(*) from message_attachments) as message_attachments,
                       (select count(*) from notifications) as notifications,
                       (select count(*) from wallet_transactions) as wallet_transactions,
                       (select count(*) from mpesa_callbacks) as mpesa_callbacks,
                       (select count(*) from bank_notifications) as bank_notifications,
                       (select count(*) from notification_logs) as notification_logs,
                       (select count(*) from inbound_messages) as inbound_messages,
                       (select count(*) from message_templates) as message_templates,
                       (select count(*) from inventory_items) as inventory_items,
                       (select count(*) from inventory_history) as inventory_history,
                       (select count(*) from equipment) as equipment,
                       (select count(*) from client_equipment) as client_equipment,
                       (select count(*) from qos_policies) as qos_policies,
                       (select count(*) from service_package_qos_policies) as service_package_qos_policies,
                       (select count(*) from client_qos_policies) as client_qos_policies,
                       (select count(*) from act_ru_execution) as executions""")));
    }

    private FuzzListedTargets.Known givenACompanyWithClientsTasksAndPaymentChannels() {
        acme = testCompanies.create();
        TestCompany savanna = testCompanies.create();
        var clients = new ArrayList<ClientDetails>();
        for (int i = 1; i <= 5; i++) {
            clients.add(onboarding.register(acme, "Fuzz Client " + i));
        }
        // two of them further on, waiting for their installation visit to be scheduled (NOC's task too)
        for (ClientDetails client : clients.subList(3, 5)) {
            UUID onu = onboarding.receiveOnu(acme, "FUZZ-" + client.accountNumber());
            onboarding.complete(onboarding.taskOf(client), acme, StaffRole.NETWORK_OPERATIONS,
                    Map.of("nocDecision", "approve"));
            onboarding.complete(onboarding.taskOf(client, "Task_AssignEquipment"), acme,
                    StaffRole.INFRASTRUCTURE_ASSET, Map.of("equipmentId", onu.toString()));
        }
        var foreignTasks = Stream.of(onboarding.register(savanna, "Savanna Client"))
                .map(client -> onboarding.taskOf(client).getId()).toList();
        DARAJA.stubFor(post(urlPathEqualTo("/mpesa/stkpush/v1/processrequest")).willReturn(aResponse().withStatus(200)
                .withBody(darajaSample("stk_push_sync_response.json"))));
        DARAJA.stubFor(post(urlPathEqualTo("/mpesa/c2b/v2/registerurl")).willReturn(aResponse().withStatus(200)
                .withBody(darajaSample("c2b_register_url_response.json"))));
        var api = new Api(rest);
        String mpesaPath = configureMpesa(api, acme, "174379");
        var bank = api.put("/api/bank/settings", acme.user(StaffRole.ISP_ADMIN), Map.of("bankName", "Family Bank",
                "collectionAccount", "035000000001", "signingSecret", BANK_SECRET, "active", true));
        String bankPath = bank.text("notificationPath");
        String smsPath = configureSms(api, acme);
        return new FuzzListedTargets.Known(acme, clients.stream().map(c -> c.id().toString()).toList(),
                clients.stream().map(c -> onboarding.taskOf(c).getId()).toList(), foreignTasks,
                repositoryService.createProcessDefinitionQuery().latestVersion().list().stream()
                        .map(ProcessDefinition::getId).toList(),
                clients.get(0).accountNumber(), mpesaPath.substring(mpesaPath.lastIndexOf('/') + 1),
                bankPath.substring(bankPath.lastIndexOf('/') + 1), BANK_SECRET,
                smsPath.substring(smsPath.lastIndexOf('/') + 1));
    }
}
