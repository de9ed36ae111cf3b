package io.ispflow.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.ispflow.testing.MutableClock;

/** The back-off's rules, with explicit source addresses and a clock the test moves. */
class LoginThrottleTests {

    static final String USER = "acmebilling";
    static final String HOME = "198.51.100.7";
    static final String ATTACKER = "203.0.113.66";

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T07:00:00Z"));
    final LoginThrottle throttle = new LoginThrottle(defaults(), clock);

    /** The values of {@code application.yml}. */
    static LoginProperties defaults() {
        return new LoginProperties(
                new LoginProperties.Backoff(5, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(1)),
                new LoginProperties.Backoff(20, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(1)),
                new LoginProperties.Backoff(50, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(15)),
                Duration.ofDays(30));
    }

    @Test
    void aTypoDoesNotDelayTheRightPassword() {
        throttle.failed(USER, HOME);

        assertThat(throttle.waitBefore(USER, HOME)).isZero();
    }

    @Test
    void afterFiveFreeFailuresTheDelayStartsAtOneSecondAndDoublesUpToFifteenMinutes() {
        failures(USER, HOME, 5);
        assertThat(throttle.waitBefore(USER, HOME)).isZero();

        throttle.failed(USER, HOME);
        assertThat(throttle.waitBefore(USER, HOME)).isEqualTo(Duration.ofSeconds(1));
        throttle.failed(USER, HOME);
        assertThat(throttle.waitBefore(USER, HOME)).isEqualTo(Duration.ofSeconds(2));
        throttle.failed(USER, HOME);
        assertThat(throttle.waitBefore(USER, HOME)).isEqualTo(Duration.ofSeconds(4));

        failures(USER, HOME, 40);
        assertThat(throttle.waitBefore(USER, HOME)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void theDelayRunsFromTheLastFailure() {
        failures(USER, HOME, 8);
        clock.advance(Duration.ofSeconds(3));

        assertThat(throttle.waitBefore(USER, HOME)).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.waitBefore(USER, HOME)).isZero();
    }

    @Test
    void anAttackerHoldsBackOnlyHimselfNotTheUserAtHisOwnAddress() {
        int checked = attack(USER, ATTACKER, 1_000, Duration.ofSeconds(1));

        assertThat(checked).isLessThan(20);
        assertThat(throttle.waitBefore(USER, ATTACKER)).isPositive();
        assertThat(throttle.waitBefore(USER, HOME)).isZero();
    }

    @Test
    void sprayingOneAddressAcrossManyAccountsHoldsThatAddressBack() {
        for (int account = 0; account < 21; account++) {
            throttle.failed("user" + account, ATTACKER);
        }

        assertThat(throttle.waitBefore("someone-else", ATTACKER)).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.waitBefore("someone-else", HOME)).isZero();
    }

    @Test
    void aUserWhoLoggedInFromAnAddressIsNotHeldBackBySprayingFromIt() {
        throttle.succeeded(USER, HOME);
        for (int account = 0; account < 30; account++) {
            throttle.failed("user" + account, HOME);
        }

        assertThat(throttle.waitBefore("newcomer", HOME)).isPositive();
        assertThat(throttle.waitBefore(USER, HOME)).isZero();
    }

    @Test
    void guessingFromManyAddressesDelaysTheAccountAtMostAMinuteAndNotFromItsKnownAddress() {
        throttle.succeeded(USER, HOME);
        for (int address = 0; address < 500; address++) {
            failures(USER, "10.0." + address / 250 + "." + address % 250, 1);
        }

        assertThat(throttle.waitBefore(USER, "192.0.2.1")).isEqualTo(Duration.ofSeconds(60));
        assertThat(throttle.waitBefore(USER, HOME)).isZero();
    }

    @Test
    void aSuccessClearsThePairButNotTheAddressWideCount() {
        failures(USER, HOME, 7);
        throttle.succeeded(USER, HOME);

        assertThat(throttle.waitBefore(USER, HOME)).isZero();
        failures(USER, HOME, 5);
        assertThat(throttle.waitBefore(USER, HOME)).isZero();
    }

    @Test
    void nothingIsPermanentCountsAreForgottenAfterAQuietHour() {
        failures(USER, ATTACKER, 100);
        for (int account = 0; account < 100; account++) {
            throttle.failed("user" + account, ATTACKER);
        }

        clock.advance(Duration.ofMinutes(61));

        assertThat(throttle.waitBefore(USER, ATTACKER)).isZero();
        throttle.failed(USER, ATTACKER);
        assertThat(throttle.waitBefore(USER, ATTACKER)).isZero();
    }

    @Test
    void forgettingAnAccountsFailuresEndsItsBackOffFromEverySource() {
        failures(USER, ATTACKER, 12);
        failures(USER, "192.0.2.1", 12);
        failures("other", ATTACKER, 6);

        throttle.forgetFailures(USER);

        assertThat(throttle.waitBefore(USER, ATTACKER)).isZero();
        assertThat(throttle.waitBefore(USER, "192.0.2.1")).isZero();
        assertThat(throttle.waitBefore("other", ATTACKER)).isPositive();
    }

    @Test
    void userNamesCountTogetherWhateverTheirCase() {
        failures("AcmeBilling", ATTACKER, 6);

        assertThat(throttle.waitBefore("acmebilling", ATTACKER)).isPositive();
    }

    @Test
    void anIpv6AttackerCannotEscapeByTakingANewAddressOfHisSubnet() {
        for (int host = 1; host <= 21; host++) {
            throttle.failed("user" + host, "2001:db8:1:2::" + Integer.toHexString(host));
        }

        assertThat(throttle.waitBefore("someone", "2001:db8:1:2:ffff::1")).isPositive();
        assertThat(throttle.waitBefore("someone", "2001:db8:1:3::1")).isZero();
        assertThat(LoginThrottle.source("0:0:0:0:0:0:0:1")).isEqualTo(LoginThrottle.source("::2"));
        assertThat(LoginThrottle.source("::ffff:192.0.2.1")).isEqualTo("192.0.2.1");
        assertThat(LoginThrottle.source("127.0.0.1")).isEqualTo("127.0.0.1");
    }

    /** Wrong passwords as an attacker sends them, one per {@code spacing}; answers how many were checked. */
    private int attack(String user, String source, int attempts, Duration spacing) {
        int checked = 0;
        for (int i = 0; i < attempts; i++) {
            if (throttle.waitBefore(user, source).isZero()) {
                throttle.failed(user, source);
                checked++;
            }
            clock.advance(spacing);
        }
        return checked;
    }

    private void failures(String user, String source, int count) {
        for (int i = 0; i < count; i++) {
            throttle.failed(user, source);
        }
    }
}
