package io.ispflow.platform.security.secondfactor;

import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import io.ispflow.platform.secrets.SecretBox;

/**
 * Staff members' second factor: a TOTP secret in an authenticator app, and one-time recovery codes.
 * Enrolment takes two steps, so that a secret that never reached the app cannot lock anyone out: a new
 * secret waits until a code from it is confirmed, and only then replaces the old one. Secrets are kept
 * encrypted ({@link SecretBox}), recovery codes as salted digests; neither is ever logged.
 */
@Component
public class SecondFactors {

    private static final Pattern TOTP_CODE = Pattern.compile("\\d{6}");

    private final SecondFactorRecords records;
    private final TotpCodes totp;
    private final SecretBox box;

    SecondFactors(SecondFactorRecords records, TotpCodes totp, SecretBox box) {
        this.records = records;
        this.totp = totp;
        this.box = box;
    }

    /** A new secret for the user's authenticator app, pending until {@link #confirm confirmed}. */
    public Enrolment enrol(String userId) {
        String secret = totp.newSecret();
        records.savePending(userId, box.encrypt(secret));
        return new Enrolment(secret, totp.uri(userId, secret));
    }

    /**
     * Activates the pending secret once the app shows a code of it; answers the new recovery codes,
     * which replace any earlier ones.
     *
     * @throws NoEnrolmentPending if no new secret waits for confirmation
     * @throws WrongSecondFactorCode if the code is not one of the pending secret's current codes
     */
    public List<String> confirm(String userId, String code) {
        String pending = records.find(userId).map(SecondFactorRecords.Factor::pendingSecret)
                .orElseThrow(NoEnrolmentPending::new);
        OptionalLong step = isTotpCode(code) ? totp.stepOf(box.decrypt(pending), code) : OptionalLong.empty();
        if (step.isEmpty()) {
            throw new WrongSecondFactorCode();
        }
        List<String> codes = RecoveryCodes.generate();
        if (!records.activate(userId, pending, step.getAsLong(), codes.stream().map(RecoveryCodes::hash).toList())) {
            // another enrolment replaced the pending secret meanwhile
            throw new NoEnrolmentPending();
        }
        return codes;
    }

    /** Whether the user has a confirmed second factor. */
    public boolean isEnrolled(String userId) {
        return records.find(userId).filter(SecondFactorRecords.Factor::confirmed).isPresent();
    }

    /**
     * Checks a current TOTP code, or an unused recovery code, of the user's confirmed second factor. An
     * accepted code is used up: the same TOTP code (or an older one) is refused from then on, and a
     * recovery code is burnt.
     */
    public boolean verify(String userId, String code) {
        if (code == null || code.isBlank()) {
            return false;
        }
        String trimmed = code.trim();
        return isTotpCode(trimmed) ? verifyTotp(userId, trimmed) : burnRecoveryCode(userId, trimmed);
    }

    private boolean verifyTotp(String userId, String code) {
        String secret = records.find(userId).map(SecondFactorRecords.Factor::secret).orElse(null);
        if (secret == null) {
            return false;
        }
        OptionalLong step = totp.stepOf(box.decrypt(secret), code);
        return step.isPresent() && records.useStep(userId, step.getAsLong());
    }

    private boolean burnRecoveryCode(String userId, String code) {
        return records.unusedCodes(userId).stream()
                .filter(stored -> RecoveryCodes.matches(stored.hashed(), code))
                .findFirst()
                .map(stored -> records.burn(stored.id()))
                .orElse(false);
    }

    private static boolean isTotpCode(String code) {
        return code != null && TOTP_CODE.matcher(code).matches();
    }
}
