package io.ispflow.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpHeaders;

/**
 * HTTP from a loopback address of its own (127.0.x.y; Linux answers the whole 127/8), so that the
 * application sees a distinct source address, as it would see two machines. Each instance has a fresh
 * address, so login back-offs of one test never reach another. Plain HTTP/1.0 over a socket: the JDK's
 * client cannot choose its local address.
 */
public final class LoopbackClient {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InetAddress address;
    private final int port;

    public LoopbackClient(int port) {
        int n = NEXT.getAndIncrement();
        try {
            this.address = InetAddress.getByAddress(new byte[] {127, 0, (byte) (10 + n / 250), (byte) (1 + n % 250)});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.port = port;
    }

    /** The source address the application sees. */
    public String address() {
        return address.getHostAddress();
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public Api.Reply get(String path, String authorization) {
        return send("GET", path, authorization == null ? Map.of() : Map.of("Authorization", authorization), null);
    }

    /** A form post as a browser sends it ({@code application/x-www-form-urlencoded}). */
    public Api.Reply postForm(String path, String form) {
        return send("POST", path, Map.of("Content-Type", "application/x-www-form-urlencoded"), form);
    }

    /**
     * The cookies and header of a fresh Camunda webapp session, as its login page holds them: the
     * webapps refuse a login without the session's CSRF token.
     */
    public Map<String, String> webappSession() {
        var page = send("GET", "/camunda/app/tasklist/default/", Map.of(), null);
        var cookies = new java.util.ArrayList<String>();
        String token = null;
        for (String cookie : page.headers().getOrDefault("Set-Cookie", java.util.List.of())) {
            String pair = cookie.split(";", 2)[0];
            cookies.add(pair);
            if (pair.startsWith("XSRF-TOKEN=")) {
                token = pair.substring("XSRF-TOKEN=".length());
            }
        }
        if (token == null) {
            throw new IllegalStateException("no CSRF token from the webapp: " + page.headers());
        }
        return Map.of("Cookie", String.join("; ", cookies), "X-XSRF-TOKEN", token);
    }

    /** A Tasklist login in a fresh webapp session, as its page sends it, with any further headers. */
    public Api.Reply tasklistLogin(String user, String password, Map<String, String> headers) {
        var all = new java.util.HashMap<>(headers);
        all.putAll(webappSession());
        all.put("Content-Type", "application/x-www-form-urlencoded");
        return send("POST", TasklistSession.LOGIN_PATH, all, TasklistSession.loginForm(user, password));
    }

    public Api.Reply send(String method, String path, Map<String, String> headers, String body) {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        var request = new StringBuilder(method + " " + path + " HTTP/1.0\r\nHost: 127.0.0.1:" + port + "\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        if (body != null) {
            request.append("Content-Length: ").append(content.length).append("\r\n");
        }
        request.append("\r\n");
        try (var socket = new Socket()) {
            socket.bind(new InetSocketAddress(address, 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            socket.setSoTimeout(30_000);
            var out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            return parse(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Api.Reply parse(InputStream in) throws IOException {
        String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        int split = raw.indexOf("\r\n\r\n");
        String[] head = raw.substring(0, split).split("\r\n");
        String body = raw.substring(split + 4);
        var headers = new HttpHeaders();
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            headers.add(head[i].substring(0, colon).trim(), head[i].substring(colon + 1).trim());
        }
        JsonNode json;
        try {
            json = body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException notJson) {
            json = JSON.createObjectNode().put("text", body);
        }
        return new Api.Reply(Integer.parseInt(head[0].split(" ")[1]), json, headers);
    }
}
