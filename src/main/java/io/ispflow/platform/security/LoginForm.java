package io.ispflow.platform.security;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;

import io.ispflow.platform.web.ReplayedBodyRequest;

/**
 * The login form of the Camunda webapps ({@code POST …/api/admin/auth/user/{engine}/login/{app}},
 * URL-encoded fields {@code username} and {@code password}), read by the filters in front of Camunda's
 * login resource exactly as Jersey will read it, so that they judge the very user name and password
 * Camunda checks. A body they cannot read that way (another media type, a malformed form, an oversized
 * one) is null, and refused rather than let through unjudged.
 */
final class LoginForm {

    /** Far more than a user name and password; bounds what is read into memory. */
    private static final int MAX_FORM_BYTES = 8 * 1024;
    private static final Pattern LOGIN_PATH = Pattern.compile(".*/auth/user/[^/]+/login/[^/]+/?");

    private final byte[] body;
    private final Charset charset;

    private LoginForm(byte[] body, Charset charset) {
        this.body = body;
        this.charset = charset;
    }

    /**
     * Whether the request is a login. The logout and the "who am I" calls under the same path check no
     * password. The servlet path and path info are decoded and normalised, without path parameters, as routed.
     */
    static boolean isLogin(HttpServletRequest request) {
        String path = request.getServletPath() + Objects.toString(request.getPathInfo(), "");
        return "POST".equals(request.getMethod()) && LOGIN_PATH.matcher(path).matches();
    }

    /** Reads the request's body; null if it is not a URL-encoded form of bounded size. */
    static LoginForm read(HttpServletRequest request) throws IOException {
        Charset charset = formCharset(request.getContentType());
        byte[] body = request.getInputStream().readNBytes(MAX_FORM_BYTES + 1);
        return charset == null || body.length > MAX_FORM_BYTES ? null : new LoginForm(body, charset);
    }

    /** Every value of the field, decoded as Jersey decodes a form; null if the form is malformed. */
    List<String> values(String name) {
        List<String> values = new ArrayList<>();
        try {
            for (String pair : text().split("&")) {
                int equals = pair.indexOf('=');
                if (URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), charset).equals(name)) {
                    values.add(equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), charset));
                }
            }
            return values;
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    /** The field's one value; null if it is missing, repeated or malformed. */
    String single(String name) {
        List<String> values = values(name);
        return values != null && values.size() == 1 ? values.get(0) : null;
    }

    /** The same form with another password, every other field as it was. */
    LoginForm withPassword(String password) {
        StringBuilder rewritten = new StringBuilder();
        for (String pair : text().split("&")) {
            int equals = pair.indexOf('=');
            String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), charset);
            boolean isPassword = key.equals("password");
            rewritten.append(rewritten.isEmpty() ? "" : "&")
                    .append(isPassword ? "password=" + URLEncoder.encode(password, charset) : pair);
        }
        return new LoginForm(rewritten.toString().getBytes(charset), charset);
    }

    /** The request with this form as its body, for whatever reads it next. */
    HttpServletRequest asBodyOf(HttpServletRequest request) {
        return new ReplayedBodyRequest(request, body);
    }

    private String text() {
        return new String(body, charset);
    }

    /** The charset of a URL-encoded form (UTF-8 unless named), or null if the body is not one. */
    private static Charset formCharset(String contentType) {
        try {
            MediaType type = contentType == null ? null : MediaType.parseMediaType(contentType);
            if (type == null || !MediaType.APPLICATION_FORM_URLENCODED.equalsTypeAndSubtype(type)) {
                return null;
            }
            return type.getCharset() != null ? type.getCharset() : StandardCharsets.UTF_8;
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
    }
}
