package io.ispflow.payments.bank;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ispflow.clients.ClientDetails;
import io.ispflow.clients.ClientDirectory;
import io.ispflow.payments.intake.CallbackRefused;
import io.ispflow.payments.intake.IntakeRefusals;
import io.ispflow.payments.intake.ProviderFields;
import io.ispflow.platform.inbox.InboxDispatcher;
import io.ispflow.platform.TenantScope;
import io.ispflow.platform.secrets.SecretBox;
import io.ispflow.shared.Msisdn;

/**
 * The bank's calls to us, in the shape of Family Bank's collections API: {@code VALIDATION} (is this
 * customer ours? answered with his name) and {@code PAYMENT_NOTIFICATION} (money arrived for him,
 * stored once per bank reference and committed before it is acknowledged, then reconciled).
 * <p>
 * Each call is signed: {@code X-Bank-Signature} is the hex HMAC-SHA256, under the company's signing
 * secret, of {@code X-Bank-Timestamp + "." + body}, the timestamp in Unix seconds. A timestamp outside
 * the replay window, a wrong signature, or a signed request seen before is refused and recorded as a
 * security event. A bank that retries a notification signs it anew and gets the same acknowledgement.
 */
@Service
public class BankInbox {

    private static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");
    private static final DateTimeFormatter BANK_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;
    private final IntakeRefusals refusals;
    private final SecretBox secrets;
    private final ClientDirectory clients;
    private final InboxDispatcher dispatcher;
    private final BankNotificationProperties properties;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    BankInbox(JdbcTemplate jdbc, TenantScope tenantScope, IntakeRefusals refusals, SecretBox secrets,
            ClientDirectory clients, InboxDispatcher dispatcher, BankNotificationProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
        this.refusals = refusals;
        this.secrets = secrets;
        this.clients = clients;
        this.dispatcher = dispatcher;
        this.properties = properties;
        this.clock = clock;
    }

    private record Bank(UUID company, String collectionAccount, String signingSecret) {
    }

    /**
     * Handles one signed call and returns the JSON answer.
     *
     * @throws CallbackRefused when it is not accepted (after recording why)
     */
    @Transactional(noRollbackFor = CallbackRefused.class)
    public String handle(String token, String timestamp, String signature, byte[] body, String sourceAddress) {
        Bank bank = bankOf(token, sourceAddress);
        refusals.checkSize(bank.company(), "bank_ipn", body, sourceAddress);
        checkFresh(bank, timestamp, sourceAddress);
        checkSignature(bank, timestamp, signature, body, sourceAddress);
        JsonNode call = refusals.readJson(bank.company(), "bank_ipn", body, sourceAddress);
        return tenantScope.callAs(bank.company(), () -> {
            checkNotReplayed(bank, signature, sourceAddress);
            JsonNode payload = call.path("payload");
            if (!bank.collectionAccount().equals(text(payload, "collection_account"))) {
                throw refusals.refuse(400, bank.company(), "bank_ipn_wrong_account",
                        "collection account " + text(payload, "collection_account"), sourceAddress);
            }
            return switch (call.path("action").asText()) {
                case "VALIDATION" -> validate(payload);
                case "PAYMENT_NOTIFICATION" -> receive(bank, payload, new String(body, StandardCharsets.UTF_8),
                        sourceAddress);
                default -> throw refusals.refuse(400, bank.company(), "bank_ipn_malformed",
                        "unknown action " + call.path("action").asText(), sourceAddress);
            };
        });
    }

    private String validate(JsonNode payload) {
        String identifier = text(payload, "identifier");
        var client = identifier == null ? java.util.Optional.<ClientDetails>empty()
                : clients.findByAccountNumber(identifier);
        ObjectNode answer = json.createObjectNode()
                .put("status_code", client.isPresent() ? "ACCOUNT_FOUND" : "ACCOUNT_NOT_FOUND")
                .put("status_description", client.isPresent() ? "ACCOUNT IS VALID" : "ACCOUNT NOT FOUND")
                .put("date_time", now());
        client.ifPresent(c -> answer.putObject("payload").put("identifier", identifier)
                .put("identifier_type", "ACCOUNT_NUMBER").put("customer_id", c.accountNumber())
                .put("customer_name", c.name().toUpperCase(java.util.Locale.ROOT)));
        return answer.toString();
    }

    private String receive(Bank bank, JsonNode payload, String body, String sourceAddress) {
        String reference = text(payload, "txn_reference");
        String customer = text(payload, "customer_id");
        BigDecimal amount = ProviderFields.decimal(payload.path("txn_amount"))
                .flatMap(a -> ProviderFields.creditable(a, ProviderFields.COLUMN_MAX)).orElse(null);
        if (reference == null || reference.length() > 64 || customer == null || customer.length() > 64
                || amount == null) {
            throw refusals.refuse(400, bank.company(), "bank_ipn_malformed",
                    "payment notification without a reference, customer or positive amount", sourceAddress);
        }
        String phone = text(payload, "payer_phone");
        String payer = phone != null && Msisdn.isValid(phone) ? Msisdn.parse(phone).e164() : null;
        Map<String, Object> stored = jdbc.queryForMap("""
                insert into bank_notifications (bank_reference, customer_reference, amount, payer_name, payer_phone,
                    payment_mode, payload, isp_company_id)
                values (?, ?, ?, ?, ?, ?, ?::jsonb, ?)
                on conflict (isp_company_id, bank_reference) do update set deliveries = bank_notifications.deliveries + 1
                returning id, (xmax = 0) as first_delivery, amount""",
                reference, customer, amount, truncate(text(payload, "payer_name"), 200), payer,
                truncate(text(payload, "payment_mode"), 30), body, bank.company());
        UUID id = (UUID) stored.get("id");
        if (Boolean.TRUE.equals(stored.get("first_delivery"))) {
            dispatcher.wakeUpAfterCommit();
        } else if (((BigDecimal) stored.get("amount")).compareTo(amount) != 0) {
            throw refusals.refuse(409, bank.company(), "bank_ipn_conflicting_repeat", "reference " + reference
                    + " came before with " + stored.get("amount") + ", now with " + amount, sourceAddress);
        }
        return json.createObjectNode().put("status_code", "PAYMENT_ACK")
                .put("status_description", "Payment Transaction Received Successfully.")
                .put("payment_ref", id.toString()).put("date_time", now()).toString();
    }

    private Bank bankOf(String token, String sourceAddress) {
        List<Bank> bank = tenantScope.callPlatformWide(() -> jdbc.query("""
                select isp_company_id, collection_account, signing_secret from bank_settings
                where callback_token = ? and is_active""",
                (rs, n) -> new Bank(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)), token));
        if (bank.isEmpty()) {
            throw refusals.refuse(404, null, "bank_ipn_unknown_path", "no company has this bank path", sourceAddress);
        }
        return bank.get(0);
    }

    private void checkFresh(Bank bank, String timestamp, String sourceAddress) {
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
    }

    private void checkSignature(Bank bank, String timestamp, String signature, byte[] body, String sourceAddress) {
        byte[] expected = sign(secrets.decrypt(bank.signingSecret()), timestamp.trim(), body);
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature == null ? "" : signature.trim().toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException notHex) {
            given = new byte[0];
        }
        if (!MessageDigest.isEqual(expected, given)) {
            throw refusals.refuse(401, bank.company(), "bank_ipn_bad_signature", "signature does not match",
                    sourceAddress);
        }
    }

    private void checkNotReplayed(Bank bank, String signature, String sourceAddress) {
        // signatures older than the window cannot pass the timestamp check any more
        jdbc.update("delete from bank_signatures_seen where seen_at < now() - ?::interval",
                properties.replayWindow().multipliedBy(2).toString());
        int fresh = jdbc.update("""
                insert into bank_signatures_seen (signature, isp_company_id) values (?, ?) on conflict do nothing""",
                signature.trim().toLowerCase(java.util.Locale.ROOT), bank.company());
        if (fresh == 0) {
            throw refusals.refuse(409, bank.company(), "bank_ipn_replayed", "this signed request was seen before",
                    sourceAddress);
        }
    }

    /** HMAC-SHA256, under the secret, of {@code timestamp + "." + body} (the body's bytes as sent). */
    public static byte[] sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private String now() {
        return LocalDateTime.now(clock.withZone(NAIROBI)).format(BANK_TIME);
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.path(field);
        if (!value.isValueNode() || value.isNull() || value.asText().isBlank()) {
            return null;
        }
        return value.asText().trim();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
