package io.ispflow.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A staff member logged in to Tasklist, calling the webapps' own REST API
 * ({@code /camunda/api/engine/...}) as the browser does: with the session cookie and the CSRF token.
 */
public final class TasklistSession {

    /** Where Tasklist's login page posts its form. */
    public static final String LOGIN_PATH = "/camunda/api/admin/auth/user/default/login/tasklist";

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    private TasklistSession(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies).build();
    }

    public static TasklistSession login(int port, String user, String password) {
        var session = new TasklistSession(port);
        session.send("GET", "/camunda/app/tasklist/default/", null, null);
        var login = session.send("POST", LOGIN_PATH, "application/x-www-form-urlencoded", loginForm(user, password));
        if (login.statusCode() != 200) {
            throw new AssertionError("Tasklist refused the login of " + user + ": " + login.statusCode());
        }
        // the login starts a new session, whose CSRF token comes with its first reading request
        session.send("GET", "/camunda/api/engine/engine/", null, null);
        return session;
    }

    /** The login form as Tasklist's page fills it. */
    public static String loginForm(String user, String password) {
        return "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    }

    /** A call to the webapps' engine API, e.g. {@code post("/engine/default/task/x/claim", json)}. */
    public HttpResponse<String> post(String enginePath, String json) {
        return send("POST", "/camunda/api/engine" + enginePath, "application/json", json);
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body) {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        String token = csrfToken();
        if (token != null) {
            request.header("X-XSRF-TOKEN", token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private String csrfToken() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).reduce((first, last) -> last).orElse(null);
    }
}
