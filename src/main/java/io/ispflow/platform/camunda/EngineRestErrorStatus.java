package io.ispflow.platform.camunda;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Gives the caller's mistakes on the engine REST API their status. Camunda's REST layer answers 403
 * only for an {@code AuthorizationException} and 500 for most other engine exceptions, among them
 * refusals that are the caller's doing ({@link CallerMistakes}):
 * <ul>
 * <li>working on another company's task (the tenant check, {@code ENGINE-13034 ... belongs to no
 * authenticated tenant}) becomes 403, shaped as Camunda's {@code AuthorizationException};</li>
 * <li>an id that names nothing ({@code Cannot find task with id x: task is null}) becomes 404;</li>
 * <li>an already claimed task becomes 409;</li>
 * <li>malformed input (a missing value, a JSON {@code null} body, nesting beyond limits, a variable
 * of no known type, a value too long or with a NUL character for the database) and input that process
 * code refused ({@link ProcessInputRefusals}) become 400.</li>
 * </ul>
 * Bodies keep Camunda's error shape ({@code type}, {@code message}, {@code code}), which its clients
 * parse. Only 500 answers are looked at; everything else passes unchanged.
 */
class EngineRestErrorStatus extends OncePerRequestFilter {

    /** How much of a request body is kept to look for NUL characters in, should the answer be a 500. */
    private static final int BODY_LOOKED_AT = 1024 * 1024;
    /** Whether process code refused the input of the request this thread is serving. */
    private static final ThreadLocal<Boolean> REFUSED_INPUT = new ThreadLocal<>();

    private final ObjectMapper json;

    EngineRestErrorStatus(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // long polling answers asynchronously, after this filter has returned, and never refuses a tenant
        return request.getRequestURI().endsWith("/external-task/fetchAndLock");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var read = new ContentCachingRequestWrapper(request, BODY_LOOKED_AT);
        var buffered = new ContentCachingResponseWrapper(response);
        REFUSED_INPUT.set(Boolean.FALSE);
        try {
            chain.doFilter(read, buffered);
            if (buffered.getStatus() == HttpServletResponse.SC_INTERNAL_SERVER_ERROR) {
                rewrite(buffered, REFUSED_INPUT.get(), carriesNul(read));
            } else if (buffered.getStatus() == HttpServletResponse.SC_BAD_REQUEST) {
                inCamundasShape(buffered);
            }
        } finally {
            REFUSED_INPUT.remove();
            buffered.copyBodyToResponse();
        }
    }

    /** Whether this thread is serving an engine REST request. */
    static boolean servingRequest() {
        return REFUSED_INPUT.get() != null;
    }

    static void noteRefusedInput() {
        if (REFUSED_INPUT.get() != null) {
            REFUSED_INPUT.set(Boolean.TRUE);
        }
    }

    /** A NUL in the query or the body as read (raw, or escaped in JSON), which PostgreSQL cannot store. */
    private static boolean carriesNul(ContentCachingRequestWrapper request) {
        String query = request.getQueryString();
        String body = new String(request.getContentAsByteArray(), StandardCharsets.UTF_8);
        return query != null && (query.contains("%00") || query.indexOf('\0') >= 0)
                || body.indexOf('\0') >= 0 || body.toLowerCase(Locale.ROOT).contains("\\u0000");
    }

    private void rewrite(ContentCachingResponseWrapper response, boolean refusedInput, boolean carriedNul)
            throws IOException {
        JsonNode error = errorOf(response.getContentAsByteArray());
        if (error == null) {
            return;
        }
        String message = error.path("message").asText();
        int status = refusedInput ? HttpServletResponse.SC_BAD_REQUEST
                : CallerMistakes.statusOf(error.path("type").asText(), message,
                        error.path("code").asInt(0), carriedNul);
        if (status == HttpServletResponse.SC_FORBIDDEN) {
            ObjectNode refusal = json.createObjectNode()
                    .put("type", "AuthorizationException").put("message", message).put("code", 0);
            replace(response, status, json.writeValueAsBytes(refusal));
        } else if (status != CallerMistakes.NONE) {
            replace(response, status, response.getContentAsByteArray());
        }
    }

    /**
     * A 400 that JSON reading refused before Camunda saw the request (nesting beyond Jackson's limits)
     * comes as plain text: it is given Camunda's error shape, which clients of this API parse.
     */
    private void inCamundasShape(ContentCachingResponseWrapper response) throws IOException {
        byte[] body = response.getContentAsByteArray();
        if (body.length == 0 || errorOf(body) != null) {
            return;
        }
        ObjectNode error = json.createObjectNode().put("type", "InvalidRequestException")
                .put("message", new String(body, StandardCharsets.UTF_8)).put("code", 0);
        replace(response, HttpServletResponse.SC_BAD_REQUEST, json.writeValueAsBytes(error));
    }

    /** Camunda's error body, or null when the answer is something else. */
    private JsonNode errorOf(byte[] body) {
        try {
            JsonNode error = json.readTree(body);
            return error != null && error.path("message").isTextual() ? error : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    private static void replace(ContentCachingResponseWrapper response, int status, byte[] body) throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(body);
    }
}
