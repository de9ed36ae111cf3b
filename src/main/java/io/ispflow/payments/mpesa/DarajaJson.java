package io.ispflow.payments.mpesa;

import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Lenient reading of Daraja's JSON: numbers come as strings or numbers, bodies are sometimes empty. */
final class DarajaJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DarajaJson() {
    }

    static Map<String, Object> parse(String body) {
        if (body == null || body.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(body, new TypeReference<Map<String, Object>>() { });
        } catch (Exception notJson) {
            return Map.of("errorMessage", body.length() > 200 ? body.substring(0, 200) : body);
        }
    }

    static String text(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null ? null : value.toString();
    }
}
