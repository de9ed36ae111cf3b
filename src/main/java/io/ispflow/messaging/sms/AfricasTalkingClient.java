package io.ispflow.messaging.sms;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

import io.ispflow.messaging.delivery.SendOutcome;

/**
 * Sends one SMS through Africa's Talking ({@link AfricasTalkingRoutes}) and reads its answer as the
 * documented shapes have it: HTTP 201 with a per-recipient status code (100 processed, 101 sent, 102
 * queued; 405 the account's balance, 500 and 501 the gateway's trouble: worth another try; any other
 * code a refusal for good), {@code "Recipients": []} with the reason in {@code Message} (an invalid
 * sender id), 401 with a plain-text complaint about the API key. Each message carries an
 * {@code Idempotency-Key}, so that the gateway can recognise a message sent again after a crash.
 */
@Component
class AfricasTalkingClient {

    /** Per-recipient codes that mean taken for delivery. */
    private static final Set<Integer> TAKEN = Set.of(100, 101, 102);
    /** Per-recipient codes that may pass: the account's balance, the gateway's internal and gateway errors. */
    private static final Set<Integer> PASSING = Set.of(405, 500, 501);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProducerTemplate camel;
    private final AfricasTalkingProperties properties;

    AfricasTalkingClient(ProducerTemplate camel, AfricasTalkingProperties properties) {
        this.camel = camel;
        this.properties = properties;
    }

    /**
     * Whether the route can take a message: Camel starts once the application context is refreshed,
     * after the dispatcher's workers have started, and a send before that fails without reaching the gateway.
     */
    boolean ready() {
        return camel.getCamelContext().isStarted();
    }

    /**
     * @param to             the recipient in E.164 ({@code +2547...})
     * @param idempotencyKey the same for every attempt of one message
     */
    SendOutcome send(SmsCredentials account, String to, String text, String idempotencyKey) {
        var form = new LinkedHashMap<String, String>();
        form.put("username", account.username());
        form.put("to", to);
        form.put("message", text);
        if (account.senderId() != null) {
            form.put("from", account.senderId());
        }
        form.put("bulkSMSMode", "1");
        form.put("enqueue", "1");
        Exchange exchange = camel.send(AfricasTalkingRoutes.SEND, e -> {
            e.setProperty(AfricasTalkingRoutes.BASE_URL, properties.baseUrl(account.environment()).toString());
            e.getMessage().setHeader("apiKey", account.apiKey());
            e.getMessage().setHeader("Idempotency-Key", idempotencyKey);
            e.getMessage().setBody(encode(form));
        });
        if (exchange.getException() != null) {
            return SendOutcome.retry("gateway not reached: " + exchange.getException().getClass().getSimpleName(), 0);
        }
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        return read(status == null ? 0 : status, exchange.getMessage().getBody(String.class), to);
    }

    /** The answer to one message, from its HTTP status and body. */
    static SendOutcome read(int status, String body, String to) {
        if (status >= 500 || status == 429 || status == 0) {
            return SendOutcome.retry("gateway answered HTTP " + status, status);
        }
        if (status == 401) {
            // a wrong key, or a new one not working yet (that takes up to about 20 minutes)
            return SendOutcome.retry("gateway refused the API key (HTTP 401)", status);
        }
        JsonNode data = parse(body).path("SMSMessageData");
        if (status != 200 && status != 201) {
            return SendOutcome.rejected("gateway answered HTTP " + status + summary(data), status);
        }
        if (!data.isObject()) {
            // taken or not, we cannot tell: another attempt, with the same idempotency key
            return SendOutcome.retry("gateway answer unreadable (HTTP " + status + ")", status);
        }
        JsonNode recipient = recipient(data.path("Recipients"), to);
        if (recipient == null) {
            return SendOutcome.rejected(text(data, "Message", "no recipient in the answer"), status);
        }
        int code = recipient.path("statusCode").asInt(0);
        String gatewayStatus = text(recipient, "status", "status " + code);
        if (TAKEN.contains(code)) {
            String messageId = text(recipient, "messageId", null);
            return messageId == null || "None".equals(messageId)
                    ? SendOutcome.retry("gateway took the message without an id", code)
                    : SendOutcome.accepted(messageId, text(recipient, "cost", null), code);
        }
        return PASSING.contains(code) ? SendOutcome.retry(gatewayStatus, code) : SendOutcome.rejected(gatewayStatus, code);
    }

    /** The answer's entry for our number, or its only entry; none when the list is empty. */
    private static JsonNode recipient(JsonNode recipients, String to) {
        if (!recipients.isArray() || recipients.isEmpty()) {
            return null;
        }
        for (JsonNode recipient : recipients) {
            if (to.equals(recipient.path("number").asText())) {
                return recipient;
            }
        }
        return recipients.get(0);
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
        } catch (java.io.IOException notJson) {
            return JSON.missingNode();
        }
    }

    private static String summary(JsonNode data) {
        String message = text(data, "Message", null);
        return message == null ? "" : ": " + message;
    }

    private static String text(JsonNode node, String field, String otherwise) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.asText().isBlank() ? value.asText().trim() : otherwise;
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
