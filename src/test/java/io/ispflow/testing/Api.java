package io.ispflow.testing;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/** Calls the HTTP API as a given staff user, over real HTTP, and reads JSON answers. */
public final class Api {

    private final TestRestTemplate http;
    private final ObjectMapper json = new ObjectMapper();

    public Api(TestRestTemplate http) {
        this.http = http;
    }

    /** An answer: status code and JSON body (empty object when there is none). */
    public record Reply(int status, JsonNode body, HttpHeaders headers) {

        public String text(String field) {
            return body.path(field).asText();
        }
    }

    public Reply call(HttpMethod method, String path, String user, Object body) {
        return call(method, path, user, body, Map.of());
    }

    public Reply call(HttpMethod method, String path, String user, Object body, Map<String, String> extraHeaders) {
        HttpHeaders headers = new HttpHeaders();
        if (user != null) {
            headers.setBasicAuth(user, TestCompanies.PASSWORD);
        }
        headers.setContentType(MediaType.APPLICATION_JSON);
        extraHeaders.forEach(headers::add);
        return reply(http.exchange(path, method, new HttpEntity<>(body, headers), String.class));
    }

    public Reply get(String path, String user) {
        return call(HttpMethod.GET, path, user, null);
    }

    public Reply post(String path, String user, Object body) {
        return call(HttpMethod.POST, path, user, body);
    }

    /** Posts a raw body of the given content type, as a provider would (no login). */
    public Reply postRaw(String path, MediaType type, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        return reply(http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class));
    }

    private Reply reply(org.springframework.http.ResponseEntity<String> response) {
        try {
            JsonNode node = response.getBody() == null || response.getBody().isBlank()
                    ? json.createObjectNode() : json.readTree(response.getBody());
            return new Reply(response.getStatusCode().value(), node, response.getHeaders());
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + response.getBody(), e);
        }
    }

    public Reply put(String path, String user, Object body) {
        return call(HttpMethod.PUT, path, user, body);
    }

    public Reply delete(String path, String user) {
        return call(HttpMethod.DELETE, path, user, null);
    }
}
