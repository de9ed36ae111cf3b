package io.ispflow.messaging.sms;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.ispflow.messaging.delivery.DeliveryLog;
import io.ispflow.platform.callbacks.IntakeRefusals;
import io.ispflow.platform.callbacks.ProviderFields;

/**
 * Delivery reports from Africa's Talking, posted as forms to the company's unguessable path. A final
 * report moves a sent message to {@code delivered} ({@code Success}) or {@code failed} ({@code Failed},
 * {@code Rejected}, {@code Expired}, with the network's reason); an interim one ({@code Sent},
 * {@code Buffered}, {@code AbsentSubscriber}...) and any report after a final one change nothing. Every
 * report taken is written to the message's log. A report for a message id we never had, or for another
 * number than the message's, is refused and recorded as a security event.
 */
@Component
class DeliveryReports {

    private final SmsGatewaySettings settings;
    private final IntakeRefusals refusals;
    private final JdbcTemplate jdbc;

    DeliveryReports(SmsGatewaySettings settings, IntakeRefusals refusals, JdbcTemplate jdbc) {
        this.settings = settings;
        this.refusals = refusals;
        this.jdbc = jdbc;
    }

    private record Sent(UUID id, String status, String purpose, String recipient) {
    }

    void accept(String token, byte[] body, String source) {
        UUID company = settings.companyOfCallbackToken(token).orElseThrow(() -> refusals.refuse(404, null,
                "sms_report_unknown_path", "delivery report to an unknown path", source));
        refusals.inTransactionOf(company, () -> {
            Map<String, String> report = refusals.readForm(company, "sms_report", body, source);
            String id = report.get("id");
            String status = report.get("status");
            if (id == null || id.isBlank() || status == null || status.isBlank()
                    || !ProviderFields.fits(id, 100) || !ProviderFields.fits(status, 40)) {
                throw refusals.refuse(400, company, "sms_report_malformed", "delivery report without id or status",
                        source);
            }
            Sent message = jdbc.query("""
                    select id, status, purpose, recipient from outbound_messages
                    where isp_company_id = ? and gateway_message_id = ? for update""",
                    (rs, n) -> new Sent(rs.getObject("id", UUID.class), rs.getString("status"),
                            rs.getString("purpose"), rs.getString("recipient")), company, id)
                    .stream().findFirst().orElseThrow(() -> refusals.refuse(404, company, "sms_report_unknown_message",
                            "delivery report for unknown message id " + ProviderFields.truncate(id, 100), source));
            String phone = report.get("phoneNumber");
            if (phone != null && !phone.isBlank() && !phone.trim().equals(message.recipient())) {
                throw refusals.refuse(400, company, "sms_report_mismatch",
                        "delivery report for message " + message.id() + " names another number", source);
            }
            String reason = ProviderFields.truncate(report.get("failureReason"), 200);
            String outcome = switch (status.trim()) {
                case "Success" -> "delivered";
                case "Failed", "Rejected", "Expired" -> "failed";
                default -> null;
            };
            boolean moves = outcome != null && "sent".equals(message.status());
            if (moves) {
                jdbc.update("""
                        update outbound_messages set status = ?, failure_reason = ?,
                               delivered_at = case when ? = 'delivered' then now() end, updated_at = now()
                        where id = ?""", outcome, "failed".equals(outcome) ? (reason == null ? status : reason) : null,
                        outcome, message.id());
            }
            var metadata = new HashMap<String, Object>();
            metadata.put("report", status.trim());
            metadata.put("networkCode", ProviderFields.truncate(report.get("networkCode"), 20));
            metadata.put("failureReason", reason);
            metadata.put("retryCount", ProviderFields.truncate(report.get("retryCount"), 10));
            DeliveryLog.write(jdbc, "sms", message.id(), message.purpose(), message.recipient(),
                    moves ? outcome : "report", metadata, company);
            return null;
        });
    }
}
