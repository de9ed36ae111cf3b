package io.ispflow.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.ispflow.shared.StaffRole;
import io.ispflow.testing.Api;
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.LoopbackClient;
import io.ispflow.testing.TasklistSession;
import io.ispflow.testing.TestCompanies;

/**
 * The login back-off over real HTTP, at all three doors. Attacker and user sit at different loopback
 * addresses, as two machines would. The clock is the real one, so the tests only rely on what a
 * back-off of at least a second guarantees: a refusal follows within a few rapid attempts.
 */
@IntegrationTest
class LoginThrottlingIntegrationTests {

    static final String WRONG = "wrong-password";

    /** The three ways to log in, each with a request that needs one. */
    enum Door {
        API, ENGINE_REST, WEBAPP;

        Api.Reply logIn(LoopbackClient client, String user, String password) {
            return logIn(client, user, password, Map.of());
        }

        Api.Reply logIn(LoopbackClient client, String user, String password, Map<String, String> headers) {
            var all = new java.util.HashMap<>(headers);
            return switch (this) {
                case API -> {
                    all.put("Authorization", LoopbackClient.basic(user, password));
                    yield client.send("GET", "/api/auth/profile", all, null);
                }
                case ENGINE_REST -> {
                    all.put("Authorization", LoopbackClient.basic(user, password));
                    yield client.send("GET", "/engine-rest/task/count", all, null);
                }
                case WEBAPP -> client.tasklistLogin(user, password, headers);
            };
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    TestCompanies testCompanies;

    String user;
    LoopbackClient office;
    LoopbackClient attacker;

    @BeforeEach
    void aStaffMemberAtTheOfficeAndAnAttackerElsewhere() {
        user = testCompanies.create().user(StaffRole.BILLING_FINANCE);
        office = new LoopbackClient(port);
        attacker = new LoopbackClient(port);
    }

    @ParameterizedTest
    @EnumSource(Door.class)
    void aTypoThenTheRightPasswordIsLetInAtOnce(Door door) {
        assertThat(door.logIn(office, user, "s3cret-Test-pW").status()).isEqualTo(401);

        assertThat(door.logIn(office, user, TestCompanies.PASSWORD).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(Door.class)
    void tenAndMoreWrongPasswordsFromOneAddressLeaveTheUserFreeToLogInFromAnother(Door door) {
        Api.Reply refused = guessUntilHeldBack(door, attacker, Map.of());
        assertThat(refused.status()).isEqualTo(429);
        for (int guess = 0; guess < 10; guess++) {
            door.logIn(attacker, user, WRONG + guess);
        }

        assertThat(door.logIn(office, user, TestCompanies.PASSWORD).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(Door.class)
    void aHeldBackLoginIsAnswered429WithRetryAfterAsAProblem(Door door) {
        Api.Reply refused = guessUntilHeldBack(door, attacker, Map.of());

        assertThat(refused.status()).isEqualTo(429);
        assertThat(Long.parseLong(refused.headers().getFirst("Retry-After"))).isPositive();
        assertThat(refused.headers().getFirst("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.text("type")).isEqualTo("https://ispflow.io/problems/login-throttled");
        assertThat(refused.text("detail")).matches("Too many failed logins\\. Try again in \\d+ seconds?\\.");
        // Camunda's login page shows the answer's "message"
        assertThat(refused.text("message")).isEqualTo(refused.text("detail"));
    }

    @Test
    void failuresAtOneDoorHoldTheAttackerBackAtTheOthers() {
        guessUntilHeldBack(Door.API, attacker, Map.of());

        assertThat(Door.ENGINE_REST.logIn(attacker, user, WRONG).status()).isEqualTo(429);
        assertThat(Door.WEBAPP.logIn(attacker, user, WRONG).status()).isEqualTo(429);
    }

    @Test
    void aForgedXForwardedForDoesNotGiveTheAttackerAFreshAddress() {
        var rotating = new java.util.concurrent.atomic.AtomicInteger();

        Api.Reply refused = guessUntilHeldBack(Door.API, attacker,
                () -> Map.of("X-Forwarded-For", "198.51.100." + rotating.incrementAndGet()));

        assertThat(refused.status()).isEqualTo(429);
    }

    @Test
    void theWebappLoginRefusesAFormItCannotReadAlikeRatherThanLetItPassUnthrottled() {
        var twoNames = attacker.postForm(TasklistSession.LOGIN_PATH,
                "username=someone&username=" + user + "&password=" + WRONG);
        var notAForm = attacker.send("POST", TasklistSession.LOGIN_PATH,
                Map.of("Content-Type", "multipart/form-data; boundary=x"), "--x--");

        assertThat(twoNames.status()).isEqualTo(400);
        assertThat(notAForm.status()).isEqualTo(400);
        assertThat(notAForm.text("type")).isEqualTo("https://ispflow.io/problems/login-unreadable");
    }

    private Api.Reply guessUntilHeldBack(Door door, LoopbackClient from, Map<String, String> headers) {
        return guessUntilHeldBack(door, from, () -> headers);
    }

    /**
     * Wrong passwords in quick succession until one is refused unchecked. Five are free; the sixth
     * earns a second's back-off, so the seventh is refused unless the machine stalls for a second, and
     * each stall only doubles the next back-off.
     */
    private Api.Reply guessUntilHeldBack(Door door, LoopbackClient from,
            java.util.function.Supplier<Map<String, String>> headers) {
        Api.Reply reply = null;
        for (int guess = 0; guess < 12; guess++) {
            reply = door.logIn(from, user, WRONG + guess, headers.get());
            if (reply.status() != 401) {
                return reply;
            }
        }
        return reply;
    }
}
