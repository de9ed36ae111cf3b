package io.ispflow.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.ispflow.shared.StaffRole;
import io.ispflow.testing.Api;
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.LoopbackClient;
import io.ispflow.testing.TestCompanies;
import io.ispflow.testing.TestCompanies.TestCompany;

/**
 * A changed password, a deactivation and an unlock take effect on the very next request, at the API
 * and at the engine REST API, although both remember verified logins for minutes. Logins that are
 * meant to fail come from loopback addresses of their own, so that their back-off touches no other test.
 */
@IntegrationTest
class StaffAccountsIntegrationTests {

    static final String API = "/api/auth/profile";
    static final String ENGINE_REST = "/engine-rest/task/count";
    static final String NEW_PASSWORD = "n3w-Passw0rd-2026";

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    TestCompanies testCompanies;
    @Autowired
    StaffDirectory directory;
    @Autowired
    StaffAccounts accounts;

    Api api;
    TestCompany acme;
    TestCompany rival;
    String billing;
    LoopbackClient office;

    @BeforeEach
    void twoCompaniesAndABillingClerkWhoseLoginBothDoorsRemember() {
        api = new Api(http);
        acme = testCompanies.create();
        rival = testCompanies.create();
        billing = acme.user(StaffRole.BILLING_FINANCE);
        office = new LoopbackClient(port);
        assertThat(status(API, TestCompanies.PASSWORD)).isEqualTo(200);
        assertThat(status(ENGINE_REST, TestCompanies.PASSWORD)).isEqualTo(200);
    }

    @Test
    void afterAPasswordChangeTheOldPasswordIsRefusedOnTheVeryNextRequest() {
        accounts.changePassword(billing, NEW_PASSWORD);

        assertThat(status(API, TestCompanies.PASSWORD)).isEqualTo(401);
        assertThat(status(ENGINE_REST, TestCompanies.PASSWORD)).isEqualTo(401);
        assertThat(status(API, NEW_PASSWORD)).isEqualTo(200);
        assertThat(status(ENGINE_REST, NEW_PASSWORD)).isEqualTo(200);
    }

    @Test
    void aPasswordChangedThroughCamundasOwnDoorEndsTheRememberedLoginsToo() {
        var changed = office.send("PUT", "/engine-rest/user/" + billing + "/credentials",
                Map.of("Authorization", LoopbackClient.basic(billing, TestCompanies.PASSWORD),
                        "Content-Type", "application/json"),
                "{\"password\": \"" + NEW_PASSWORD + "\", \"authenticatedUserPassword\": \"" + TestCompanies.PASSWORD
                        + "\"}");

        assertThat(changed.status()).as(changed.body().toString()).isEqualTo(204);
        // through Camunda's own door the change is forgotten at once, or at the latest by the sweep of
        // recorded revocations that every node runs each second (in long test runs it has taken that)
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(3)).untilAsserted(() -> {
            assertThat(status(API, TestCompanies.PASSWORD)).isEqualTo(401);
            assertThat(status(ENGINE_REST, TestCompanies.PASSWORD)).isEqualTo(401);
        });
    }

    @Test
    void theCompanysAdministratorDeactivatesALoginAndItIsRefusedOnTheVeryNextRequest() {
        var reply = api.post("/api/staff/" + billing + "/deactivate", acme.user(StaffRole.ISP_ADMIN), null);

        assertThat(reply.status()).isEqualTo(204);
        assertThat(status(API, TestCompanies.PASSWORD)).isEqualTo(401);
        assertThat(status(ENGINE_REST, TestCompanies.PASSWORD)).isEqualTo(401);
        assertThat(directory.profileOfAnyCompany(billing))
                .hasValueSatisfying(profile -> assertThat(profile.active()).isFalse());
    }

    @Test
    void theCompanysAdministratorUnlocksALoginHeldBackByGuessing() {
        LoopbackClient guesser = new LoopbackClient(port);
        assertThat(guessUntilHeldBack(guesser)).isEqualTo(429);

        var reply = api.post("/api/staff/" + billing + "/unlock", acme.user(StaffRole.ISP_ADMIN), null);

        assertThat(reply.status()).isEqualTo(204);
        assertThat(guesser.get(API, LoopbackClient.basic(billing, TestCompanies.PASSWORD)).status()).isEqualTo(200);
    }

    @Test
    void aSuperAdministratorUnlocksAndDeactivatesInAnyCompany() {
        String superAdmin = testCompanies.superAdmin();

        assertThat(api.post("/api/staff/" + billing + "/unlock", superAdmin, null).status()).isEqualTo(204);
        assertThat(api.post("/api/staff/" + rival.user(StaffRole.SALES_ACCOUNT_MANAGER) + "/deactivate", superAdmin,
                null).status()).isEqualTo(204);
    }

    @Test
    void otherRolesMayNeitherUnlockNorDeactivate() {
        String finance = acme.user(StaffRole.BILLING_FINANCE);
        String support = acme.user(StaffRole.CUSTOMER_SUPPORT);

        var unlock = api.post("/api/staff/" + support + "/unlock", finance, null);
        var deactivate = api.post("/api/staff/" + finance + "/deactivate", support, null);

        assertThat(unlock.status()).isEqualTo(403);
        assertThat(unlock.text("type")).isEqualTo("https://ispflow.io/problems/forbidden");
        assertThat(deactivate.status()).isEqualTo(403);
    }

    @Test
    void anotherCompanysAdministratorFindsNoSuchLogin() {
        String rivalAdmin = rival.user(StaffRole.ISP_ADMIN);

        var unlock = api.post("/api/staff/" + billing + "/unlock", rivalAdmin, null);
        var deactivate = api.post("/api/staff/" + billing + "/deactivate", rivalAdmin, null);
        var unknown = api.post("/api/staff/nobody-" + billing + "/unlock", acme.user(StaffRole.ISP_ADMIN), null);

        assertThat(unlock.status()).isEqualTo(404);
        assertThat(unlock.text("type")).isEqualTo("https://ispflow.io/problems/staff-not-found");
        assertThat(deactivate.status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(status(API, TestCompanies.PASSWORD)).isEqualTo(200);
    }

    private int status(String path, String password) {
        return office.get(path, LoopbackClient.basic(billing, password)).status();
    }

    /** Wrong passwords in quick succession until one is refused unchecked (see LoginThrottlingIntegrationTests). */
    private int guessUntilHeldBack(LoopbackClient guesser) {
        int status = 401;
        for (int guess = 0; guess < 12 && status == 401; guess++) {
            status = guesser.get(API, LoopbackClient.basic(billing, "guess-" + guess)).status();
        }
        return status;
    }
}
