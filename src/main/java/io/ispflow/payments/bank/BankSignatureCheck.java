package io.ispflow.payments.bank;

import java.time.Clock;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.ispflow.platform.callbacks.IntakeRefusals;

/**
 * Whether a call really is the bank's, and new: signed ({@link BankSignature}) within the replay window
 * of our clock, and not seen before. A bank that retries a notification signs it anew.
 */
@Component
class BankSignatureCheck {

    private final JdbcTemplate jdbc;
    private final IntakeRefusals refusals;
    private final BankNotificationProperties properties;
    private final Clock clock;

    BankSignatureCheck(JdbcTemplate jdbc, IntakeRefusals refusals, BankNotificationProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.refusals = refusals;
        this.properties = properties;
        this.clock = clock;
    }

    /** Refuses (401) a timestamp outside the replay window and a signature that does not match. */
    void checkSigned(BankAccount bank, String timestamp, String signature, byte[] body, String sourceAddress) {
        long seconds;
        try {
            seconds = Long.parseLong(timestamp == null ? "" : timestamp.trim());
        } catch (NumberFormatException notANumber) {
            throw refusals.refuse(401, bank.company(), "bank_ipn_unsigned", "no valid X-Bank-Timestamp", sourceAddress);
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - seconds);
        if (skew > properties.replayWindow().toSeconds()) {
            throw refusals.refuse(401, bank.company(), "bank_ipn_stale",
                    "signed at " + Instant.ofEpochSecond(seconds) + ", " + skew + " s from now", sourceAddress);
        }
        if (!BankSignature.matches(bank.signingSecret(), timestamp, signature, body)) {
            throw refusals.refuse(401, bank.company(), "bank_ipn_bad_signature", "signature does not match",
                    sourceAddress);
        }
    }

    /** Refuses (409) a signed call seen before; runs in the company's transaction. */
    void checkNotReplayed(BankAccount bank, String signature, String sourceAddress) {
        // signatures older than the window cannot pass the timestamp check any more
        jdbc.update("delete from bank_signatures_seen where seen_at < now() - ?::interval",
                properties.replayWindow().multipliedBy(2).toString());
        int fresh = jdbc.update("""
                insert into bank_signatures_seen (signature, isp_company_id) values (?, ?) on conflict do nothing""",
                BankSignature.normalized(signature), bank.company());
        if (fresh == 0) {
            throw refusals.refuse(409, bank.company(), "bank_ipn_replayed", "this signed request was seen before",
                    sourceAddress);
        }
    }
}
