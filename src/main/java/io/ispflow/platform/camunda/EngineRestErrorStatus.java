package io.ispflow.platform.camunda;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Gives the caller's mistakes on the engine REST API their status. Camunda's REST layer answers 403
 * only for an {@code AuthorizationException} and 500 for most other engine exceptions, among them
 * refusals that are the caller's doing:
 * <ul>
 * <li>working on another company's task (the tenant check, {@code ENGINE-13034 ... belongs to no
 * authenticated tenant}) becomes 403, shaped as Camunda's {@code AuthorizationException};</li>
 * <li>an id that names nothing ({@code Cannot find task with id x: task is null}) becomes 404;</li>
 * <li>input that process code refused ({@link ProcessInputRefusals}) becomes 400.</li>
 * </ul>
 * Bodies keep Camunda's error shape ({@code type}, {@code message}, {@code code}), which its clients
 * parse. Only 500 answers are looked at; everything else passes unchanged.
 */
class EngineRestErrorStatus extends OncePerRequestFilter {

    static final String TENANT_REFUSAL = "belongs to no authenticated tenant";
    /** Camunda's "not found" messages end in EnsureUtil's "...: task is null". */
    private static final Pattern NOT_FOUND = Pattern.compile(
            "(?is).*(cannot find|doesn't exist|does not exist|no deployed .+ found).*: \\w+ is null");

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
        var buffered = new ContentCachingResponseWrapper(response);
        REFUSED_INPUT.set(Boolean.FALSE);
        try {
            chain.doFilter(request, buffered);
            if (buffered.getStatus() == HttpServletResponse.SC_INTERNAL_SERVER_ERROR) {
                rewrite(buffered, REFUSED_INPUT.get());
            }
        } finally {
            REFUSED_INPUT.remove();
            buffered.copyBodyToResponse();
        }
    }

    static void noteRefusedInput() {
        if (REFUSED_INPUT.get() != null) {
            REFUSED_INPUT.set(Boolean.TRUE);
        }
    }

    private void rewrite(ContentCachingResponseWrapper response, boolean refusedInput) throws IOException {
        String message = messageOf(response.getContentAsByteArray());
        if (message == null) {
            return;
        }
        if (refusedInput) {
            replace(response, HttpServletResponse.SC_BAD_REQUEST, response.getContentAsByteArray());
        } else if (message.contains(TENANT_REFUSAL)) {
            ObjectNode refusal = json.createObjectNode()
                    .put("type", "AuthorizationException").put("message", message).put("code", 0);
            replace(response, HttpServletResponse.SC_FORBIDDEN, json.writeValueAsBytes(refusal));
        } else if (NOT_FOUND.matcher(message).matches()) {
            replace(response, HttpServletResponse.SC_NOT_FOUND, response.getContentAsByteArray());
        }
    }

    private String messageOf(byte[] body) {
        try {
            JsonNode error = json.readTree(body);
            return error != null && error.path("message").isTextual() ? error.path("message").asText() : null;
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
