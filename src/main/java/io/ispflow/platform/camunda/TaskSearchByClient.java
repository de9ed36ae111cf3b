package io.ispflow.platform.camunda;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.web.filter.OncePerRequestFilter;

import io.ispflow.platform.web.ReplayedBodyRequest;
import io.ispflow.shared.Msisdn;

/**
 * Lets staff find a client's tasks in Tasklist the way they write his phone or account number.
 *
 * <p>Tasklist sends a search value that looks like a number as a JSON number ({@code 0712345678} becomes
 * {@code 712345678}), which never equals the text variables the processes hold. For the task queries
 * of Tasklist and the engine REST API (a filter's list or count, {@code POST /task}, {@code /task/count}),
 * this filter rewrites the value of a {@code phone} condition into E.164, as the API stores numbers
 * ({@code 0712 345 678}, {@code 712345678} and {@code 254712345678} all become {@code +254712345678}),
 * and an {@code accountNumber} condition into text. Patterns ({@code like} with {@code %}) and values
 * that are no phone number pass unchanged; so does any body that is not a JSON object.
 */
class TaskSearchByClient extends OncePerRequestFilter {

    static final String PHONE = "phone";
    static final String ACCOUNT_NUMBER = "accountNumber";
    private static final Pattern TASK_QUERY = Pattern.compile(".*/(task|task/count|filter/[^/]+/(list|count))");
    /** Task queries are small; a larger body is passed on untouched, for the engine to judge. */
    private static final int MAX_BODY_BYTES = 64 * 1024;

    private final ObjectMapper json;

    TaskSearchByClient(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !TASK_QUERY.matcher(request.getRequestURI()).matches()
                || request.getContentLengthLong() > MAX_BODY_BYTES;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length <= MAX_BODY_BYTES) {
            body = normalised(body);
        }
        chain.doFilter(new ReplayedBodyRequest(request, body), response);
    }

    byte[] normalised(byte[] body) {
        try {
            JsonNode query = json.readTree(body);
            if (query instanceof ObjectNode && normalise(query)) {
                return json.writeValueAsBytes(query);
            }
        } catch (IOException notJson) {
            // the engine answers it
        }
        return body;
    }

    /** Rewrites every variable condition on a phone or account number, in or-queries too. */
    private static boolean normalise(JsonNode node) {
        boolean changed = false;
        if (node instanceof ObjectNode condition && condition.has("operator") && condition.has("value")) {
            String name = condition.path("name").asText();
            JsonNode value = condition.get("value");
            if (PHONE.equals(name)) {
                String typed = value.isNumber() ? value.decimalValue().toPlainString() : value.asText();
                if (!typed.contains("%")) {
                    var phone = Msisdn.tryParse(typed);
                    changed = phone.isPresent() && !phone.get().e164().equals(value.asText());
                    phone.ifPresent(p -> condition.put("value", p.e164()));
                }
            } else if (ACCOUNT_NUMBER.equals(name) && value.isIntegralNumber()) {
                condition.put("value", value.bigIntegerValue().toString());
                changed = true;
            } else if (ACCOUNT_NUMBER.equals(name) && value.isTextual()) {
                condition.put("value", value.asText().trim().toUpperCase(Locale.ROOT));
                changed = true;
            }
        }
        for (JsonNode child : node) {
            changed |= normalise(child);
        }
        return changed;
    }
}
