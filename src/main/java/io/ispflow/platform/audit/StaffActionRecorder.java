package io.ispflow.platform.audit;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ContentCachingRequestWrapper;
import org.springframework.web.util.WebUtils;

import io.ispflow.platform.StaffMember;
import io.ispflow.platform.TenantContext;

/**
 * Writes every change a staff member makes through {@code /api} to the {@link AuditTrail}, once it
 * has succeeded (2xx): the route as its template ({@code PUT /api/clients/{id}}), the record it named,
 * and the request's fields with every credential removed (none at all from a handler whose body is
 * private to its parties, {@link BodyNotAudited}). New endpoints are audited without doing
 * anything. The entry is written after the change has committed, in a transaction of its own: a node
 * that dies in between loses that one entry, never the change.
 */
class StaffActionRecorder implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(StaffActionRecorder.class);
    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");
    /**
     * Field names that hold credentials (passwords, API keys, secrets, one-time codes, SNMP communities):
     * never written.
     */
    private static final Set<String> CREDENTIAL_WORDS = Set.of("password", "secret", "passkey", "key", "token", "code",
            "otp", "community");

    private final AuditTrail trail;
    private final ObjectMapper json = new ObjectMapper();

    StaffActionRecorder(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception failure) {
        int status = response.getStatus();
        if (!CHANGES.contains(request.getMethod()) || status < 200 || status >= 300
                || !(SecurityContextHolder.getContext().getAuthentication() != null
                        && SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof StaffMember staff)) {
            return;
        }
        try {
            trail.record(TenantContext.currentCompanyId().orElse(null), staff.userId(), action(request),
                    subject(request), status, isPrivate(handler) ? null : fields(request));
        } catch (RuntimeException e) {
            log.error("Could not write the audit entry of {} {} by {}", request.getMethod(), request.getRequestURI(),
                    staff.userId(), e);
        }
    }

    private static boolean isPrivate(Object handler) {
        return handler instanceof HandlerMethod method && method.hasMethodAnnotation(BodyNotAudited.class);
    }

    private static String action(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return request.getMethod() + " " + (pattern != null ? pattern : request.getRequestURI());
    }

    @SuppressWarnings("unchecked")
    private static String subject(HttpServletRequest request) {
        var variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables == null || variables.isEmpty()) {
            return null;
        }
        return new TreeMap<>(variables).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .reduce((a, b) -> a + "," + b).orElse(null);
    }

    private JsonNode fields(HttpServletRequest request) {
        var cached = WebUtils.getNativeRequest(request, ContentCachingRequestWrapper.class);
        byte[] body = cached == null ? new byte[0] : cached.getContentAsByteArray();
        if (body.length == 0) {
            return null;
        }
        try {
            JsonNode tree = json.readTree(body);
            return tree == null ? null : withoutCredentials(tree);
        } catch (java.io.IOException notJson) {
            return null;
        }
    }

    static JsonNode withoutCredentials(JsonNode node) {
        if (node instanceof ObjectNode object) {
            var names = new java.util.ArrayList<String>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String lower = name.toLowerCase(Locale.ROOT);
                if (CREDENTIAL_WORDS.stream().anyMatch(lower::contains)) {
                    object.put(name, "(not recorded)");
                } else {
                    withoutCredentials(object.get(name));
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(StaffActionRecorder::withoutCredentials);
        }
        return node;
    }
}
