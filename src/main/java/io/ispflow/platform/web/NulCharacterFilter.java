package io.ispflow.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Refuses NUL characters in the path and the query parameters of an API request, as a validation
 * problem naming the parameter. PostgreSQL cannot store or compare text containing NUL: left alone,
 * such a value fails deep inside a query as a server error. JSON bodies are checked while they are read
 * ({@link JsonConventions}). The body is never read here: a provider intake reads it raw, and a form or
 * multipart body parsed here would be gone for it.
 */
class NulCharacterFilter extends OncePerRequestFilter {

    static final String MESSAGE = "must not contain NUL characters";

    private final ObjectMapper json;

    NulCharacterFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<Problems.FieldError> errors = new ArrayList<>();
        if (hasNul(decodedPath(request))) {
            errors.add(new Problems.FieldError("path", MESSAGE));
        }
        UriComponentsBuilder.newInstance().query(request.getQueryString()).build().getQueryParams()
                .forEach((name, values) -> {
                    if (hasNul(decoded(name)) || values.stream().anyMatch(value -> hasNul(decoded(value)))) {
                        errors.add(new Problems.FieldError(decoded(name).replace('\0', '?'), MESSAGE));
                    }
                });
        if (errors.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                "The request has invalid parameters.");
        problem.setProperties(Map.of("errors", errors));
        Problems.send(request, response, problem, json);
    }

    private static String decodedPath(HttpServletRequest request) {
        return decoded(request.getRequestURI());
    }

    private static String decoded(String text) {
        if (text == null) {
            return null;
        }
        try {
            return UriUtils.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            // not ours to judge: the servlet container and the router answer malformed escapes
            return text;
        }
    }

    private static boolean hasNul(String text) {
        return text != null && text.indexOf('\0') >= 0;
    }
}
