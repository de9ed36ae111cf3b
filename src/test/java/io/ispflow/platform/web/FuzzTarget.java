package io.ispflow.platform.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.ispflow.payments.bank.BankSignature;
import io.ispflow.platform.CompanyHeader;
import io.ispflow.testing.TestCompanies;

/**
 * One endpoint under fuzz and how a generated request to it is made: its path variables filled with
 * real or made-up values, random query parameters, a body mutated from a plausible one, sent as a staff
 * user of a role the endpoint allows (now and then as a super administrator naming the company, or
 * naming garbage), or unauthenticated with an optional bank signature for the provider intakes.
 *
 * @param label         how the endpoint is reported, e.g. {@code POST /api/clients}
 * @param user          the staff user, or null for the provider intakes
 * @param realSegments  real values per path variable; a variable listed in {@code fixedSegments} always gets one
 * @param params        query parameter names the endpoint reads
 * @param plausible     a request body that would be accepted, to mutate (null: none)
 * @param bankSecret    the bank's signing secret, for signed intake requests (null: none)
 */
record FuzzTarget(String label, String method, String template, String user, Map<String, List<String>> realSegments,
        List<String> fixedSegments, List<String> params, Function<FuzzInputs, JsonNode> plausible, String bankSecret) {

    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

    /** Who a super administrator's variant of a request acts for. */
    record Company(String superAdmin, UUID id) {
    }

    /** A concrete request. */
    record Request(String method, URI uri, Map<String, String> headers, FuzzInputs.Body body) {

        String describe() {
            String text = new String(body.bytes(), StandardCharsets.UTF_8);
            return method + " " + uri + " headers " + headers.keySet() + " " + body.kind() + " [" + body.contentType()
                    + "] " + (text.length() > 300 ? text.substring(0, 300) + "…(" + text.length() + " chars)" : text);
        }
    }

    boolean writes() {
        return !method.equals("GET");
    }

    Request request(FuzzInputs inputs, String base, Company company) {
        var headers = new LinkedHashMap<String, String>();
        JsonNode sample = plausible == null ? null : plausible.apply(inputs);
        // Africa's Talking posts forms: its intakes get mostly forms; a CSV delivery mostly CSV; the others JSON
        FuzzInputs.Body body = template.startsWith("/api/messaging/sms/") ? inputs.formBody(sample)
                : template.endsWith("/deliveries") && inputs.chance(0.8) ? inputs.csvBody() : inputs.body(sample);
        if (user != null) {
            authenticate(inputs, headers, company);
        } else if (bankSecret != null && inputs.chance(0.7)) {
            sign(inputs, headers, body);
        }
        if (body.contentType() != null) {
            headers.put("Content-Type", body.contentType());
        }
        return new Request(method, URI.create(base + path(inputs) + query(inputs)), headers, body);
    }

    private void authenticate(FuzzInputs inputs, Map<String, String> headers, Company company) {
        String as = user;
        if (template.startsWith("/api/") && inputs.chance(0.2)) {
            as = company.superAdmin();
            headers.put(CompanyHeader.NAME, inputs.chance(0.8) ? company.id().toString() : headerValue(inputs.text()));
        }
        headers.put("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((as + ":" + TestCompanies.PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    private void sign(FuzzInputs inputs, Map<String, String> headers, FuzzInputs.Body body) {
        String timestamp = inputs.chance(0.8) ? Long.toString(Instant.now().getEpochSecond()) : headerValue(inputs.text());
        headers.put("X-Bank-Timestamp", timestamp);
        headers.put("X-Bank-Signature", inputs.chance(0.8)
                ? HexFormat.of().formatHex(BankSignature.sign(bankSecret, timestamp, body.bytes()))
                : FuzzInputs.encode(inputs.text()));
    }

    /** What an HTTP client lets through in a header: printable ASCII, within the server's header limits. */
    private static String headerValue(String text) {
        String printable = text.replaceAll("[^\\x20-\\x7e]", "").strip();
        return printable.length() > 4_000 ? printable.substring(0, 4_000) : printable;
    }

    private String path(FuzzInputs inputs) {
        Matcher variable = VARIABLE.matcher(template);
        var path = new StringBuilder();
        while (variable.find()) {
            List<String> real = realSegments.getOrDefault(variable.group(1), List.of());
            String value = fixedSegments.contains(variable.group(1)) ? inputs.oneOf(real) : inputs.pathSegment(real);
            variable.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        variable.appendTail(path);
        return path.toString();
    }

    private String query(FuzzInputs inputs) {
        var query = new StringBuilder();
        for (String param : params) {
            if (inputs.chance(0.5)) {
                query.append(query.isEmpty() ? "?" : "&").append(param).append('=').append(inputs.queryValue());
            }
        }
        if (inputs.chance(0.1)) {
            String name = inputs.text();
            query.append(query.isEmpty() ? "?" : "&").append(FuzzInputs.encode(name.substring(0, Math.min(200,
                    name.length())))).append('=').append(inputs.queryValue());
        }
        return query.toString();
    }
}
