package io.ispflow.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.platform.TenantScope;
import io.ispflow.shared.StaffRole;
import io.ispflow.testing.Api;
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.LoopbackClient;
import io.ispflow.testing.MutableClock;
import io.ispflow.testing.TestCompanies;
import io.ispflow.testing.TestCompanies.TestCompany;

/**
 * The second factor as production has it (password-only logins of second-factor roles refused), over
 * real HTTP: enrolment, token logins, the engine REST API and the webapps' login. In a context of its
 * own, with a clock the tests move, so that codes of the next 30-second step and expired tokens are a
 * step of the story, not a sleep.
 */
@IntegrationTest
@Tag("own-context")
@TestPropertySource(properties = "isp.platform.login.basic-for-second-factor-roles=false")
@Import(TwoFactorLoginIntegrationTests.MovableClock.class)
class TwoFactorLoginIntegrationTests {

    static final String PASSWORD = TestCompanies.PASSWORD;
    static final String PROBLEMS = "https://ispflow.io/problems/";

    @TestConfiguration
    static class MovableClock {

        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Instant.now());
        }
    }

    /** What a staff member holds after enrolling: the secret in his app and the recovery codes on paper. */
    record Enrolled(String secret, List<String> recoveryCodes) {
    }

    @LocalServerPort
    int port;
    @Autowired
    TestCompanies testCompanies;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    TenantScope tenantScope;

    final ObjectMapper json = new ObjectMapper();
    TestCompany company;
    String admin;
    LoopbackClient office;

    @BeforeEach
    void anAdministratorAtTheOffice() {
        company = testCompanies.create();
        admin = company.user(StaffRole.ISP_ADMIN);
        office = new LoopbackClient(port);
    }

    @Test
    void anAdministratorWithoutASecondFactorGetsATokenThatCanOnlyEnrol() {
        Api.Reply login = logIn(admin, PASSWORD, null);

        assertThat(login.status()).isEqualTo(200);
        assertThat(login.text("scope")).isEqualTo("enrol");
        Api.Reply profile = office.get("/api/auth/profile", bearer(login.text("token")));
        assertThat(profile.status()).isEqualTo(403);
        assertThat(profile.text("type")).isEqualTo(PROBLEMS + "second-factor-enrolment-required");
    }

    @Test
    void anAdministratorEnrolsConfirmsAndThenLogsInWithACode() {
        String enrolToken = logIn(admin, PASSWORD, null).text("token");

        Api.Reply enrolment = post("/api/auth/second-factor", enrolToken, Map.of());
        String secret = enrolment.text("secret");
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(enrolment.text("otpauthUri"))
                .startsWith("otpauth://totp/ISPFlow%3A" + admin + "?secret=" + secret + "&issuer=ISPFlow");

        Api.Reply confirmed = post("/api/auth/second-factor/confirm", enrolToken, Map.of("code", codeNow(secret)));
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.body().path("recoveryCodes")).hasSize(10);

        nextStep();
        Api.Reply login = logIn(admin, PASSWORD, codeNow(secret));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.text("scope")).isEqualTo("full");
        assertThat(Instant.parse(login.text("expiresAt"))).isEqualTo(clock.instant().plus(Duration.ofMinutes(30)));
        Api.Reply profile = office.get("/api/auth/profile", bearer(login.text("token")));
        assertThat(profile.status()).isEqualTo(200);
        assertThat(profile.text("userId")).isEqualTo(admin);
        assertThat(profile.body().path("company").path("id").asText()).isEqualTo(company.id().toString());
    }

    @Test
    void theEnrolmentTokenEndsWithTheConfirmation() {
        String enrolToken = logIn(admin, PASSWORD, null).text("token");
        String secret = post("/api/auth/second-factor", enrolToken, Map.of()).text("secret");
        post("/api/auth/second-factor/confirm", enrolToken, Map.of("code", codeNow(secret)));

        assertThat(post("/api/auth/second-factor", enrolToken, Map.of()).status()).isEqualTo(401);
        assertThat(logIn(admin, PASSWORD, null).status()).isEqualTo(401);
    }

    @Test
    void aConfirmationWithAWrongCodeLeavesTheUserUnenrolled() {
        String enrolToken = logIn(admin, PASSWORD, null).text("token");
        String secret = post("/api/auth/second-factor", enrolToken, Map.of()).text("secret");

        String wrongCode = wrong(codeNow(secret));

        Api.Reply refused = post("/api/auth/second-factor/confirm", enrolToken, Map.of("code", wrongCode));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("type")).isEqualTo(PROBLEMS + "second-factor-code-wrong");
        assertThat(logIn(admin, PASSWORD, null).text("scope")).isEqualTo("enrol");
    }

    @Test
    void aWrongCodeOrNoCodeIsRefusedLikeAWrongPassword() {
        Enrolled enrolled = enrol(admin);

        Api.Reply wrongCode = logIn(admin, PASSWORD, wrong(codeNow(enrolled.secret())));
        Api.Reply noCode = logIn(admin, PASSWORD, null);
        Api.Reply wrongPassword = logIn(admin, "not-" + PASSWORD, codeNow(enrolled.secret()));

        for (Api.Reply refused : List.of(wrongCode, noCode, wrongPassword)) {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.text("type")).isEqualTo(PROBLEMS + "unauthenticated");
            assertThat(refused.body().has("token")).isFalse();
        }
    }

    @Test
    void aCodeLetsInOnlyOnce() {
        Enrolled enrolled = enrol(admin);
        String code = codeNow(enrolled.secret());

        assertThat(logIn(admin, PASSWORD, code).status()).isEqualTo(200);

        assertThat(logIn(admin, PASSWORD, code).status()).isEqualTo(401);
    }

    @Test
    void aRecoveryCodeLetsInOnceAndOnlyOnce() {
        Enrolled enrolled = enrol(admin);
        String recovery = enrolled.recoveryCodes().get(3);

        Api.Reply first = logIn(admin, PASSWORD, recovery);
        Api.Reply again = logIn(admin, PASSWORD, recovery);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.text("scope")).isEqualTo("full");
        assertThat(again.status()).isEqualTo(401);
        assertThat(logIn(admin, PASSWORD, enrolled.recoveryCodes().get(4)).status()).isEqualTo(200);
    }

    @Test
    void aNewSecretReplacesTheOldOneOnlyOnceConfirmed() {
        Enrolled old = enrol(admin);
        String token = logIn(admin, PASSWORD, codeNow(old.secret())).text("token");
        String fresh = post("/api/auth/second-factor", token, Map.of()).text("secret");
        nextStep();

        assertThat(logIn(admin, PASSWORD, codeNow(old.secret())).status()).isEqualTo(200);

        nextStep();
        Api.Reply confirmed = post("/api/auth/second-factor/confirm", token, Map.of("code", codeNow(fresh)));
        assertThat(confirmed.status()).isEqualTo(200);
        nextStep();
        assertThat(logIn(admin, PASSWORD, codeNow(old.secret())).status()).isEqualTo(401);
        assertThat(logIn(admin, PASSWORD, codeNow(fresh)).status()).isEqualTo(200);
        // the recovery codes of the old secret went with it
        assertThat(logIn(admin, PASSWORD, old.recoveryCodes().get(0)).status()).isEqualTo(401);
    }

    @Test
    void loggingOutEndsTheTokenAtOnce() {
        String token = logIn(admin, PASSWORD, codeNow(enrol(admin).secret())).text("token");

        assertThat(post("/api/auth/logout", token, null).status()).isEqualTo(204);

        Api.Reply after = office.get("/api/auth/profile", bearer(token));
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.headers().getFirst("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void aTokenExpiresThirtyMinutesAfterTheLoginHoweverMuchItIsUsed() {
        String token = logIn(admin, PASSWORD, codeNow(enrol(admin).secret())).text("token");

        clock.advance(Duration.ofMinutes(29));
        assertThat(office.get("/api/auth/profile", bearer(token)).status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(1));

        assertThat(office.get("/api/auth/profile", bearer(token)).status()).isEqualTo(401);
    }

    @Test
    void aDeactivatedStaffMembersTokenStopsWorkingAtOnce() {
        String support = company.user(StaffRole.CUSTOMER_SUPPORT);
        String supportToken = logIn(support, PASSWORD, null).text("token");
        String adminToken = logIn(admin, PASSWORD, codeNow(enrol(admin).secret())).text("token");

        assertThat(post("/api/staff/" + support + "/deactivate", adminToken, null).status()).isEqualTo(204);

        assertThat(office.get("/api/auth/profile", bearer(supportToken)).status()).isEqualTo(401);
    }

    @Test
    void httpBasicIsRefusedForAnAdministratorButStillServesCustomerSupport() {
        Api.Reply adminBasic = office.get("/api/auth/profile", LoopbackClient.basic(admin, PASSWORD));
        Api.Reply supportBasic = office.get("/api/auth/profile",
                LoopbackClient.basic(company.user(StaffRole.CUSTOMER_SUPPORT), PASSWORD));
        Api.Reply wrongPassword = office.get("/api/auth/profile", LoopbackClient.basic(admin, "not-" + PASSWORD));

        assertThat(adminBasic.status()).isEqualTo(401);
        assertThat(adminBasic.text("type")).isEqualTo(PROBLEMS + "second-factor-required");
        assertThat(adminBasic.text("detail")).isEqualTo("Log in at /api/auth/login with your code and use the token.");
        assertThat(supportBasic.status()).isEqualTo(200);
        // only the right password learns that a code is missing
        assertThat(wrongPassword.text("type")).isEqualTo(PROBLEMS + "unauthenticated");
    }

    @Test
    void customerSupportLogsInWithThePasswordAloneAndGetsAFullToken() {
        Api.Reply login = logIn(company.user(StaffRole.CUSTOMER_SUPPORT), PASSWORD, null);

        assertThat(login.text("scope")).isEqualTo("full");
        assertThat(office.get("/api/clients", bearer(login.text("token"))).status()).isEqualTo(200);
    }

    @Test
    void theEngineRestApiTakesAFullTokenAndRefusesAnAdministratorsBasicLogin() {
        String enrolToken = logIn(admin, PASSWORD, null).text("token");
        String token = logIn(admin, PASSWORD, codeNow(enrol(admin).secret())).text("token");

        Api.Reply withToken = office.get("/engine-rest/task/count", bearer(token));
        Api.Reply withEnrolToken = office.get("/engine-rest/task/count", bearer(enrolToken));
        Api.Reply withBasic = office.get("/engine-rest/task/count", LoopbackClient.basic(admin, PASSWORD));
        Api.Reply supportBasic = office.get("/engine-rest/task/count",
                LoopbackClient.basic(company.user(StaffRole.CUSTOMER_SUPPORT), PASSWORD));

        assertThat(withToken.status()).isEqualTo(200);
        assertThat(withToken.body().path("count").isNumber()).isTrue();
        assertThat(withEnrolToken.status()).isEqualTo(401);
        assertThat(withBasic.status()).isEqualTo(401);
        assertThat(withBasic.text("type")).isEqualTo(PROBLEMS + "second-factor-required");
        assertThat(supportBasic.status()).isEqualTo(200);
    }

    @Test
    void theWebappLoginTakesThePasswordFollowedByTheCode() {
        Enrolled enrolled = enrol(admin);

        Api.Reply withCode = webappLogin(admin, PASSWORD + codeNow(enrolled.secret()));
        nextStep();
        Api.Reply wrongCode = webappLogin(admin, PASSWORD + wrong(codeNow(enrolled.secret())));
        Api.Reply passwordAlone = webappLogin(admin, PASSWORD);

        assertThat(withCode.status()).isEqualTo(200);
        assertThat(withCode.text("userId")).isEqualTo(admin);
        assertThat(wrongCode.status()).isEqualTo(401);
        assertThat(wrongCode.text("message")).contains("password immediately followed by the 6-digit code");
        assertThat(passwordAlone.status()).isEqualTo(401);
    }

    @Test
    void theWebappLoginSendsAnUnenrolledAdministratorToEnrolFirstAndLeavesOtherRolesAlone() {
        Api.Reply unenrolled = webappLogin(company.user(StaffRole.BILLING_FINANCE), PASSWORD);
        Api.Reply support = webappLogin(company.user(StaffRole.CUSTOMER_SUPPORT), PASSWORD);

        assertThat(unenrolled.status()).isEqualTo(401);
        assertThat(unenrolled.text("message")).contains("Enrol through the API first");
        assertThat(support.status()).isEqualTo(200);
    }

    @Test
    void theSecretIsStoredEncryptedAndOnlyPlatformScopeSeesIt() {
        Enrolled enrolled = enrol(admin);

        Map<String, Object> row = tenantScope.callPlatformWide(() -> transactions.execute(tx -> jdbc.queryForMap(
                "select secret, confirmed_at from staff_second_factors where user_id = ?", admin)));
        List<byte[]> hashes = tenantScope.callPlatformWide(() -> transactions.execute(tx -> jdbc.queryForList(
                "select code_hash from staff_recovery_codes where user_id = ?", byte[].class, admin)));
        Long factorsSeenByTheCompany = companyScoped("select count(*) from staff_second_factors where user_id = ?");
        Long tokensSeenByTheCompany = companyScoped("select count(*) from api_sessions where user_id = ?");

        assertThat((String) row.get("secret")).startsWith("v1:").doesNotContain(enrolled.secret());
        assertThat(row.get("confirmed_at")).isNotNull();
        assertThat(hashes).hasSize(10).allSatisfy(hash -> assertThat(hash).hasSize(32));
        assertThat(factorsSeenByTheCompany).isZero();
        assertThat(tokensSeenByTheCompany).isZero();
    }

    @Test
    void theLoginEndpointHoldsAGuesserBackWith429() {
        LoopbackClient attacker = new LoopbackClient(port);
        Api.Reply reply = null;
        for (int guess = 0; guess < 10; guess++) {
            reply = logIn(attacker, admin, "guess-" + guess, null);
            if (reply.status() == 429) {
                break;
            }
        }

        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.text("type")).isEqualTo(PROBLEMS + "login-throttled");
        assertThat(Long.parseLong(reply.headers().getFirst("Retry-After"))).isPositive();
        // the right password is held back too, unchecked, at the guesser's address, not at the office
        assertThat(logIn(attacker, admin, PASSWORD, null).status()).isEqualTo(429);
        assertThat(logIn(admin, PASSWORD, null).status()).isEqualTo(200);
    }

    // --- steps

    /** The whole enrolment, then the clock moves on so that the confirming code is past. */
    private Enrolled enrol(String user) {
        String enrolToken = logIn(user, PASSWORD, null).text("token");
        String secret = post("/api/auth/second-factor", enrolToken, Map.of()).text("secret");
        Api.Reply confirmed = post("/api/auth/second-factor/confirm", enrolToken, Map.of("code", codeNow(secret)));
        assertThat(confirmed.status()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        confirmed.body().path("recoveryCodes").forEach(code -> codes.add(code.asText()));
        nextStep();
        return new Enrolled(secret, codes);
    }

    private Api.Reply logIn(String user, String password, String code) {
        return logIn(office, user, password, code);
    }

    private Api.Reply logIn(LoopbackClient from, String user, String password, String code) {
        var body = new HashMap<String, String>();
        body.put("username", user);
        body.put("password", password);
        if (code != null) {
            body.put("code", code);
        }
        return from.send("POST", "/api/auth/login", Map.of("Content-Type", "application/json"), toJson(body));
    }

    private Api.Reply post(String path, String token, Object body) {
        return office.send("POST", path, Map.of("Content-Type", "application/json", "Authorization", bearer(token)),
                body == null ? "" : toJson(body));
    }

    private Api.Reply webappLogin(String user, String password) {
        return office.tasklistLogin(user, password, Map.of());
    }

    /** What the administrator's own company's code paths would see of his rows. */
    private Long companyScoped(String countSql) {
        return tenantScope.callAs(company.id(), () -> transactions.execute(tx ->
                jdbc.queryForObject(countSql, Long.class, admin)));
    }

    /** The code the authenticator app shows at the test clock's current time. */
    private String codeNow(String secret) {
        try {
            return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret,
                    Math.floorDiv(clock.instant().getEpochSecond(), 30));
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Another 6-digit code than the given one. */
    private static String wrong(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }

    /** Thirty seconds on: the app shows the next code. */
    private void nextStep() {
        clock.advance(Duration.ofSeconds(30));
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private String toJson(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
