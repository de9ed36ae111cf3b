package io.ispflow.platform.web;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Generated input, from one seeded {@link Random} so that a run can be repeated: text of every awkward
 * kind, JSON of random shapes, a plausible request mutated field by field, and raw bodies that are not
 * what they claim to be (invalid UTF-8, NUL bytes, deep nesting, truncation, other content types).
 */
final class FuzzInputs {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> KEYS = List.of("id", "name", "amount", "clientId", "value", "type", "status",
            "phone", "variables", "q", "", "\u0000", "__proto__", "constructor", "$where", "Body", "stkCallback");

    /** A body and the content type it is sent with (null: no Content-Type header). */
    record Body(String contentType, byte[] bytes, String kind) {
    }

    private final Random random;

    FuzzInputs(Random random) {
        this.random = random;
    }

    /** A random (version 4 shaped) UUID from the seeded generator. */
    UUID uuid() {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    <T> T oneOf(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    /** Text of one awkward kind or another. */
    String text() {
        return switch (random.nextInt(16)) {
            case 0 -> "";
            case 1 -> " \t\r\n ";
            case 2 -> ascii(1 + random.nextInt(20));
            case 3 -> "abc\u0000def";
            case 4 -> "\u0000";
            case 5 -> "x".repeat(1_000 + random.nextInt(70_000));
            case 6 -> oneOf(List.of("1e309", "-0", "NaN", "Infinity", "99999999999999999999999999", "-1", "0x1F", "1,5"));
            case 7 -> oneOf(List.of("' OR 1=1 --", "\"; drop table clients; --", "%", "_", "\\", "%00", "%%"));
            case 8 -> oneOf(List.of("../../etc/passwd", "<script>alert(1)</script>", "${7*7}", "#{7*7}", "{{7*7}}"));
            case 9 -> "Wanjirũ \u202Eevil\u202C 👩🏾‍💻 e\u0301 \uFEFF";
            case 10 -> "\u0001\u0002\u001b[31m\u007f";
            case 11 -> oneOf(List.of("true", "null", "[]", "{}", "2025-02-30", "2025-13-01T25:61:00Z", "P-1D"));
            case 12 -> uuid().toString();
            case 13 -> uuid().toString().toUpperCase() + "x";
            case 14 -> oneOf(List.of("pending", "ACTIVE", "fiber", "approve", "individual", "cash", "sandbox", "0712345678"));
            default -> ascii(random.nextInt(400));
        };
    }

    private String ascii(int length) {
        var text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) (32 + random.nextInt(95)));
        }
        return text.toString();
    }

    /** A number of an awkward kind. */
    JsonNode number() {
        return switch (random.nextInt(8)) {
            case 0 -> NODES.numberNode(new BigDecimal("1e400"));
            case 1 -> NODES.numberNode(new BigDecimal("-123456789012345678901234567890.123456789"));
            case 2 -> NODES.numberNode(0);
            case 3 -> NODES.numberNode(-1);
            case 4 -> NODES.numberNode(Long.MAX_VALUE);
            case 5 -> NODES.numberNode(new BigDecimal("0.001"));
            case 6 -> NODES.numberNode(random.nextInt(100_000));
            default -> NODES.numberNode(random.nextDouble() * 1e6);
        };
    }

    /** A JSON value of random shape, at most {@code depth} levels deep. */
    JsonNode json(int depth) {
        int kind = random.nextInt(depth <= 0 ? 5 : 7);
        return switch (kind) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> number();
            case 3, 4 -> NODES.textNode(text());
            case 5 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(json(depth - 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(5); i > 0; i--) {
                    object.set(chance(0.7) ? oneOf(KEYS) : text(), json(depth - 1));
                }
                yield object;
            }
        };
    }

    /**
     * The plausible request with a few fields (none to three) replaced by random values, dropped, or
     * mutated further down; now and then a field added. Few changes at a time reach deeper than many.
     */
    JsonNode mutate(JsonNode plausible) {
        JsonNode copy = plausible.deepCopy();
        int changes = oneOf(List.of(0, 1, 1, 2, 3));
        for (int i = 0; i < changes; i++) {
            copy = change(copy);
        }
        if (copy instanceof ObjectNode object && chance(0.1)) {
            object.set(oneOf(KEYS), json(2));
        }
        return copy;
    }

    private JsonNode change(JsonNode node) {
        if (node instanceof ObjectNode object && !object.isEmpty()) {
            var names = new java.util.ArrayList<String>();
            object.fieldNames().forEachRemaining(names::add);
            String name = oneOf(names);
            switch (random.nextInt(3)) {
                case 0 -> object.remove(name);
                case 1 -> object.set(name, json(2));
                default -> object.set(name, change(object.get(name)));
            }
            return object;
        }
        if (node instanceof ArrayNode array && !array.isEmpty()) {
            int index = random.nextInt(array.size());
            array.set(index, change(array.get(index)));
            return array;
        }
        return json(1);
    }

    /** A body: the plausible one mutated, random JSON, or raw bytes of some other kind. */
    Body body(JsonNode plausible) {
        int kind = random.nextInt(20);
        if (kind < 9 && plausible != null) {
            return json("mutated", mutate(plausible));
        }
        if (kind < 12) {
            return json("random-json", json(4));
        }
        return raw(plausible);
    }

    /** A CSV file: a plausible header (now and then garbage) and a few lines of plausible or generated cells. */
    Body csvBody() {
        var csv = new StringBuilder(chance(0.9) ? "category,name,serial_number,mac_address,cost,purchase_date" : text());
        int lines = random.nextInt(6);
        for (int line = 0; line < lines; line++) {
            csv.append(chance(0.9) ? "\n" : "\r\n");
            csv.append(String.join(",", chance(0.7) ? oneOf(List.of("cpe", "onu", "ONU")) : text(),
                    chance(0.5) ? "\"" + text().replace("\"", "\"\"") + "\"" : text(),
                    chance(0.7) ? "SN-" + random.nextInt(1_000_000) : text(),
                    chance(0.5) ? "" : chance(0.7) ? String.format("00:11:22:33:%02x:%02x", random.nextInt(256),
                            random.nextInt(256)) : text(),
                    chance(0.7) ? Integer.toString(random.nextInt(10_000)) : text(),
                    chance(0.7) ? "2026-11-30" : text()));
        }
        return new Body(chance(0.9) ? "text/csv" : "text/csv; charset=UTF-8", csv.toString().getBytes(StandardCharsets.UTF_8),
                "csv");
    }

    /**
     * A body for an intake that takes forms: mostly the plausible fields, mutated, form-encoded (values
     * of awkward kinds, fields dropped or doubled, broken escapes); otherwise what {@link #body} gives.
     */
    Body formBody(JsonNode plausible) {
        if (plausible == null || !plausible.isObject() || random.nextInt(10) >= 6) {
            return body(plausible);
        }
        var fields = new java.util.ArrayList<String>();
        plausible.fields().forEachRemaining(field -> {
            if (chance(0.1)) {
                return;
            }
            String value = chance(0.7) ? field.getValue().asText() : text();
            fields.add(encode(field.getKey()) + "=" + (chance(0.05) ? "%G" : encode(value)));
            if (chance(0.05)) {
                fields.add(encode(field.getKey()) + "=" + encode(text()));
            }
        });
        return new Body(chance(0.9) ? "application/x-www-form-urlencoded" : "application/x-www-form-urlencoded; charset=UTF-8",
                String.join("&", fields).getBytes(StandardCharsets.UTF_8), "mutated-form");
    }

    private Body json(String kind, JsonNode node) {
        try {
            return new Body(chance(0.9) ? "application/json" : oneOf(List.of("application/json; charset=ISO-8859-1",
                    "text/plain", "application/x-www-form-urlencoded")), JSON.writeValueAsBytes(node), kind);
        } catch (Exception unwritable) {
            return new Body("application/json", "{}".getBytes(StandardCharsets.UTF_8), kind + "-unwritable");
        }
    }

    private Body raw(JsonNode plausible) {
        String sample = plausible == null ? "{\"name\":\"x\"}" : plausible.toString();
        return switch (random.nextInt(12)) {
            case 0 -> new Body("application/json", new byte[0], "empty");
            case 1 -> new Body(null, sample.getBytes(StandardCharsets.UTF_8), "no-content-type");
            case 2 -> new Body("application/json", invalidUtf8(), "invalid-utf8");
            case 3 -> new Body("application/json", sample.replace("\"", "\"\u0000").getBytes(StandardCharsets.UTF_8),
                    "raw-nul");
            case 4 -> new Body("application/json", deepNesting(), "deep-nesting");
            case 5 -> new Body("application/json",
                    sample.substring(0, sample.length() / 2).getBytes(StandardCharsets.UTF_8), "truncated");
            case 6 -> new Body("application/x-www-form-urlencoded",
                    ("name=" + encode(text()) + "&amount=" + encode(text()) + "&id=%00").getBytes(StandardCharsets.UTF_8),
                    "form");
            case 7 -> multipart();
            case 8 -> new Body("text/plain", text().getBytes(StandardCharsets.UTF_8), "text");
            case 9 -> new Body("application/xml", "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>"
                    .getBytes(StandardCharsets.UTF_8), "xml");
            case 10 -> new Body("application/json", oneOf(List.of("null", "true", "[]", "\"text\"", "123", "{}", "[{}]",
                    "{\"a\":1,\"a\":2}", "{'single':'quotes'}", "/* comment */ {}")).getBytes(StandardCharsets.UTF_8),
                    "odd-json");
            default -> new Body(oneOf(List.of("x/y;;;", "application/json; charset=nonsense", "*/*", "application/octet-stream")),
                    sample.getBytes(StandardCharsets.UTF_8), "odd-content-type");
        };
    }

    private byte[] invalidUtf8() {
        byte[] bytes = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF,
                (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'};
        return chance(0.5) ? bytes : new byte[] {(byte) 0xFE, (byte) 0xFF, 0, '{', 0, '}'};
    }

    private byte[] deepNesting() {
        int depth = 2_000 + random.nextInt(8_000);
        String open = chance(0.5) ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        return (open.repeat(depth) + "1" + close.repeat(depth)).getBytes(StandardCharsets.UTF_8);
    }

    private Body multipart() {
        String boundary = "fuzz" + random.nextInt(1_000_000);
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + oneOf(KEYS) + "\"\r\n\r\n"
                + text() + "\r\n" + (chance(0.5) ? "--" + boundary + "--\r\n" : "");
        String type = chance(0.8) ? "multipart/form-data; boundary=" + boundary : "multipart/form-data";
        return new Body(type, body.getBytes(StandardCharsets.UTF_8), "multipart");
    }

    /** A path segment: one of the real ones, a random UUID, or text that is no id at all. */
    String pathSegment(List<String> real) {
        int kind = random.nextInt(10);
        if (kind < 3 && !real.isEmpty()) {
            return oneOf(real);
        }
        if (kind < 5) {
            return uuid().toString();
        }
        String text = text();
        return encode(text.length() > 3_000 ? text.substring(0, 3_000) : text);
    }

    /** A query parameter value, encoded; short enough for the request line to stay within the server's limit. */
    String queryValue() {
        String text = text();
        return chance(0.1) ? oneOf(List.of("%C3%28", "%FF", "%00", "%E2%82", "a%20b"))
                : encode(text.length() > 1_000 ? text.substring(0, 1_000) : text);
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
