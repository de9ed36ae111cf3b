package io.ispflow.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import io.ispflow.platform.StaffMember;
import io.ispflow.shared.StaffRole;
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.MutableClock;
import io.ispflow.testing.TestCompanies;

/**
 * The measurement the security finding asks for: an attacker's 1,000 wrong passwords against one
 * account from one address, through the API's real login (the Camunda identity, bcrypt), with the
 * configured back-off on a clock the test moves. Afterwards the real user logs in from his own
 * address. The figures are printed so that they can be quoted.
 */
@IntegrationTest
class BruteForceMeasurementIntegrationTests {

    static final int ATTEMPTS = 1_000;
    static final String ATTACKER = "203.0.113.66";
    static final String OFFICE = "198.51.100.7";

    @Autowired
    StaffIdentities identities;
    @Autowired
    LoginProperties settings;
    @Autowired
    LoginPolicy policy;
    @Autowired
    LoginRevocations revocations;
    @Autowired
    ApiSessions apiSessions;
    @Autowired
    TestCompanies testCompanies;

    MutableClock clock;
    LoginThrottle throttle;
    StaffAuthenticationProvider login;
    String user;

    /** What an attack came to. */
    record Outcome(int refusedUnchecked, int passwordChecks, long wallMillis) {
    }

    @BeforeEach
    void theApiLoginWithTheConfiguredBackOffOnATestClock() {
        clock = new MutableClock(Instant.parse("2026-11-22T07:00:00Z"));
        throttle = new LoginThrottle(settings, clock);
        login = new StaffAuthenticationProvider(identities, throttle,
                new LoginSessions(throttle, revocations, apiSessions), policy);
        user = testCompanies.create().user(StaffRole.BILLING_FINANCE);
    }

    @Test
    void aThousandGuessesOneASecondLeaveTheRealUserFreeToLogInFromHisOwnAddress() {
        Outcome attack = guess(ATTEMPTS, Duration.ofSeconds(1));

        Duration attackerWait = throttle.waitBefore(user, ATTACKER);
        Duration userWait = throttle.waitBefore(user, OFFICE);
        Authentication real = login.authenticate(attempt(TestCompanies.PASSWORD, OFFICE));

        report("one guess a second, for " + ATTEMPTS + " s", attack, attackerWait, userWait);
        assertThat(((StaffMember) real.getPrincipal()).userId()).isEqualTo(user);
        assertThat(userWait).isZero();
        assertThat(attack.passwordChecks()).isLessThan(20);
        // at the attacker's address even the right password is refused, unchecked, until the back-off ends
        assertThatThrownBy(() -> login.authenticate(attempt(TestCompanies.PASSWORD, ATTACKER)))
                .isInstanceOf(LoginThrottled.class);
    }

    @Test
    void aThousandGuessesAsFastAsTheyComeCostSixPasswordChecks() {
        Outcome attack = guess(ATTEMPTS, Duration.ZERO);

        Duration attackerWait = throttle.waitBefore(user, ATTACKER);
        Duration userWait = throttle.waitBefore(user, OFFICE);
        login.authenticate(attempt(TestCompanies.PASSWORD, OFFICE));

        report("a burst, no time passing", attack, attackerWait, userWait);
        assertThat(attack.passwordChecks()).isEqualTo(6);
        assertThat(attack.refusedUnchecked()).isEqualTo(ATTEMPTS - 6);
        assertThat(userWait).isZero();
    }

    private Outcome guess(int attempts, Duration spacing) {
        int refused = 0;
        int checked = 0;
        long started = System.nanoTime();
        for (int guess = 0; guess < attempts; guess++) {
            try {
                login.authenticate(attempt("guess-" + guess, ATTACKER));
                throw new AssertionError("a guess was accepted");
            } catch (LoginThrottled heldBack) {
                refused++;
            } catch (BadCredentialsException wrong) {
                checked++;
            }
            clock.advance(spacing);
        }
        return new Outcome(refused, checked, (System.nanoTime() - started) / 1_000_000);
    }

    private UsernamePasswordAuthenticationToken attempt(String password, String source) {
        var token = UsernamePasswordAuthenticationToken.unauthenticated(user, password);
        token.setDetails(new WebAuthenticationDetails(source, null));
        return token;
    }

    private static void report(String pace, Outcome attack, Duration attackerWait, Duration userWait) {
        System.out.printf("""
                [login back-off] attacker: %d wrong passwords against one account from one address (%s)
                [login back-off]   refused unchecked (no bcrypt): %d
                [login back-off]   password checks performed:    %d
                [login back-off]   wall time of the attack:      %d ms
                [login back-off]   attacker's remaining wait:    %d s
                [login back-off] real user from his own address: wait %d s, then logged in with 1 password check
                """, ATTEMPTS, pace, attack.refusedUnchecked(), attack.passwordChecks(), attack.wallMillis(),
                attackerWait.toSeconds(), userWait.toSeconds());
    }
}
