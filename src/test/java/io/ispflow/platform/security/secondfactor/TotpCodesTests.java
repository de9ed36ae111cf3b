package io.ispflow.platform.security.secondfactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import org.junit.jupiter.api.Test;

import io.ispflow.testing.MutableClock;

/** Codes as an authenticator app shows them, a step early or late, and the step each one names. */
class TotpCodesTests {

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T07:00:10Z"));
    final TotpCodes totp = new TotpCodes(clock);
    final String secret = totp.newSecret();
    final long now = clock.instant().getEpochSecond() / 30;

    @Test
    void theCurrentCodeNamesTheCurrentStep() {
        assertThat(totp.stepOf(secret, codeAt(now))).hasValue(now);
    }

    @Test
    void aPhoneOneStepBehindOrAheadIsStillLetIn() {
        assertThat(totp.stepOf(secret, codeAt(now - 1))).hasValue(now - 1);
        assertThat(totp.stepOf(secret, codeAt(now + 1))).hasValue(now + 1);
    }

    @Test
    void aCodeTwoStepsOffIsRefused() {
        String old = codeAt(now);
        clock.advance(Duration.ofSeconds(60));

        assertThat(totp.stepOf(secret, old)).isEmpty();
        assertThat(totp.stepOf(secret, codeAt(now + 4))).isEmpty();
    }

    @Test
    void theSecretIsBase32OfAtLeast160BitsAndTheUriNamesIssuerAndUser() {
        assertThat(secret).matches("[A-Z2-7]{32}");

        String uri = totp.uri("acme_admin", secret);

        assertThat(uri).startsWith("otpauth://totp/ISPFlow%3Aacme_admin?secret=" + secret + "&issuer=ISPFlow");
        assertThat(uri).contains("algorithm=SHA1", "digits=6", "period=30");
    }

    @Test
    void recoveryCodesMatchOnlyThemselvesInAnyCaseWithOrWithoutDashes() {
        String code = RecoveryCodes.generate().get(0);
        RecoveryCodes.Hashed stored = RecoveryCodes.hash(code);

        assertThat(RecoveryCodes.matches(stored, code)).isTrue();
        assertThat(RecoveryCodes.matches(stored, code.toUpperCase().replace("-", " "))).isTrue();
        assertThat(RecoveryCodes.matches(stored, RecoveryCodes.generate().get(0))).isFalse();
        assertThat(RecoveryCodes.hash(code).hash()).isNotEqualTo(stored.hash());
    }

    private String codeAt(long step) {
        try {
            return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret, step);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
