package io.ispflow.platform.security.secondfactor;

import java.time.Clock;
import java.util.OptionalLong;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.DefaultCodeVerifier;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.secret.SecretGenerator;
import org.springframework.stereotype.Component;

/**
 * TOTP as authenticator apps speak it (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps), through the
 * {@code dev.samstevens.totp} library. A code of the step before or after the current one is accepted
 * too, for a phone whose clock is a little off. The clock is the application's, so tests can move it.
 */
@Component
class TotpCodes {

    static final String ISSUER = "ISPFlow";
    private static final int PERIOD_SECONDS = 30;
    private static final int DIGITS = 6;
    private static final int ALLOWED_DRIFT_STEPS = 1;

    private final SecretGenerator secrets = new DefaultSecretGenerator();
    private final CodeGenerator generator = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);
    private final Clock clock;

    TotpCodes(Clock clock) {
        this.clock = clock;
    }

    /** A new random secret (160 bits, Base32), as authenticator apps take it. */
    String newSecret() {
        return secrets.generate();
    }

    /** The {@code otpauth://totp/ISPFlow:<user>?secret=…&issuer=ISPFlow…} URI an app scans from a QR code. */
    String uri(String userId, String secret) {
        return new QrData.Builder()
                .label(ISSUER + ":" + userId)
                .secret(secret)
                .issuer(ISSUER)
                .algorithm(HashingAlgorithm.SHA1)
                .digits(DIGITS)
                .period(PERIOD_SECONDS)
                .build()
                .getUri();
    }

    /**
     * The time step whose code this is, within the allowed drift; empty if it is none of them. The step
     * is what lets the caller refuse the same code a second time.
     */
    OptionalLong stepOf(String secret, String code) {
        long current = Math.floorDiv(clock.instant().getEpochSecond(), PERIOD_SECONDS);
        for (long step = current - ALLOWED_DRIFT_STEPS; step <= current + ALLOWED_DRIFT_STEPS; step++) {
            if (verifierAt(step).isValidCode(secret, code)) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    /** The library's verifier, pinned to one step (no drift of its own), so that the match names its step. */
    private DefaultCodeVerifier verifierAt(long step) {
        var verifier = new DefaultCodeVerifier(generator, () -> step * PERIOD_SECONDS);
        verifier.setTimePeriod(PERIOD_SECONDS);
        verifier.setAllowedTimePeriodDiscrepancy(0);
        return verifier;
    }
}
