package io.ispflow.platform.web;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.ispflow.shared.StaffRole;
import io.ispflow.testing.TestCompanies.TestCompany;

/**
 * The {@code /api} endpoints, read from Spring MVC's handler mappings so that a new endpoint is fuzzed
 * without being listed here: who may call it (its {@code @PreAuthorize} roles), which query parameters
 * it reads, and a plausible body built from its {@code @RequestBody} record.
 */
final class FuzzTargets {

    private static final Pattern ROLE = Pattern.compile("'(\\w+)'");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FuzzTargets() {
    }

    /**
     * Every {@code /api} endpoint of the given mappings but those in {@code skipped} (fuzzed separately),
     * deletions last.
     */
    static List<FuzzTarget> api(Collection<RequestMappingHandlerMapping> mappings, TestCompany company,
            Map<String, List<String>> realSegments, List<String> skipped, UUID realClient) {
        var targets = new TreeMap<String, FuzzTarget>();
        for (var mapping : mappings) {
            mapping.getHandlerMethods().forEach((info, handler) -> {
                for (String pattern : info.getPatternValues()) {
                    if (!pattern.startsWith("/api/") || skipped.stream().anyMatch(pattern::startsWith)) {
                        continue;
                    }
                    for (String method : methods(info)) {
                        String label = method + " " + pattern;
                        targets.put(label, new FuzzTarget(label, method, pattern, userFor(handler, company),
                                realSegments, List.of(), params(handler), plausibleBody(handler, realClient), null));
                    }
                }
            });
        }
        // deletions last, so that the real records the other endpoints are called with still exist
        var ordered = new ArrayList<>(targets.values());
        ordered.sort(Comparator.comparing(target -> target.method().equals("DELETE")));
        return ordered;
    }

    private static List<String> methods(RequestMappingInfo info) {
        var declared = info.getMethodsCondition().getMethods();
        return declared.isEmpty() ? List.of("GET", "POST") : declared.stream().map(RequestMethod::name).sorted().toList();
    }

    /** A user of the first company role the endpoint allows (any role when it names none). */
    private static String userFor(HandlerMethod handler, TestCompany company) {
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
        if (rule == null) {
            return company.user(StaffRole.ISP_ADMIN);
        }
        var roles = ROLE.matcher(rule.value());
        while (roles.find()) {
            var role = StaffRole.fromId(roles.group(1));
            if (role.isPresent() && role.get() != StaffRole.SUPER_ADMIN) {
                return company.user(role.get());
            }
        }
        return company.user(StaffRole.ISP_ADMIN);
    }

    private static List<String> params(HandlerMethod handler) {
        var names = new ArrayList<String>();
        for (Parameter parameter : handler.getMethod().getParameters()) {
            RequestParam param = parameter.getAnnotation(RequestParam.class);
            if (param != null) {
                names.add(!param.name().isEmpty() ? param.name() : parameter.getName());
            } else if (Pageable.class.isAssignableFrom(parameter.getType())) {
                names.addAll(List.of("page", "size", "sort"));
            }
        }
        return names;
    }

    private static Function<FuzzInputs, JsonNode> plausibleBody(HandlerMethod handler, UUID realClient) {
        Method method = handler.getMethod();
        for (Parameter parameter : method.getParameters()) {
            if (parameter.isAnnotationPresent(RequestBody.class)) {
                JsonNode body = parameter.getType().isRecord() ? plausible(parameter.getType(), realClient)
                        : NODES.objectNode();
                return inputs -> body;
            }
        }
        return null;
    }

    /** A body that the record's validation would accept, by the components' names and types. */
    static ObjectNode plausible(Class<?> type, UUID realClient) {
        ObjectNode body = NODES.objectNode();
        for (RecordComponent component : type.getRecordComponents()) {
            String name = component.getName();
            Class<?> kind = component.getType();
            if (kind == UUID.class) {
                // other references (a service package) are optional: left out, the body stays acceptable
                if (name.equals("clientId")) {
                    body.put(name, realClient.toString());
                }
            } else if (kind == BigDecimal.class || kind == int.class || kind == Integer.class) {
                body.put(name, 100);
            } else if (kind == boolean.class || kind == Boolean.class) {
                body.put(name, true);
            } else if (kind == LocalDate.class) {
                body.put(name, LocalDate.now().plusDays(7).toString());
            } else if (kind.isEnum()) {
                body.put(name, kind.getEnumConstants()[0].toString().toLowerCase());
            } else if (kind.isRecord()) {
                body.set(name, plausible(kind, realClient));
            } else {
                body.put(name, plausibleText(name));
            }
        }
        return body;
    }

    private static String plausibleText(String field) {
        return switch (field) {
            case "phone" -> "0712345678";
            case "email", "fromAddress", "replyTo" -> "fuzz@example.com";
            case "host", "ipAddress" -> "127.0.0.1";
            case "macAddress" -> "00:11:22:33:44:55";
            case "security" -> "none";
            case "paybillNumber" -> "174379";
            case "shortcode" -> "600000";
            case "environment" -> "sandbox";
            case "collectionAccount" -> "035000000001";
            case "signingSecret" -> "fuzz-signing-secret-of-forty-characters!";
            default -> "Fuzz " + field;
        };
    }
}
