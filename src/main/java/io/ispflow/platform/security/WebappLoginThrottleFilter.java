package io.ispflow.platform.security;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The login back-off for the Camunda webapps ({@code POST …/api/admin/auth/user/{engine}/login/{app}},
 * form fields {@code username} and {@code password}), in front of Camunda's login resource: a held-back
 * caller gets 429, which the login page shows, before his password is checked. Camunda answers 200 for
 * a verified password and 401 for a refused one.
 *
 * <p>The filter reads the form itself and hands the same bytes on, so that it throttles exactly the
 * user name Camunda will check; a body it cannot read that way (another media type, a repeated or
 * malformed field, an oversized form) is refused rather than let through unthrottled.
 */
class WebappLoginThrottleFilter extends OncePerRequestFilter {

    /** Far more than a user name and password; bounds what is read into memory. */
    private static final int MAX_FORM_BYTES = 8 * 1024;

    private static final Pattern LOGIN_PATH = Pattern.compile(".*/auth/user/[^/]+/login/[^/]+/?");

    private final LoginGate gate;

    WebappLoginThrottleFilter(LoginGate gate) {
        this.gate = gate;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // logins only: the logout and the "who am I" calls under the same path check no password. The
        // servlet path and path info are decoded and normalised, without path parameters, as routed.
        String path = request.getServletPath() + Objects.toString(request.getPathInfo(), "");
        return !"POST".equals(request.getMethod()) || !LOGIN_PATH.matcher(path).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Charset charset = formCharset(request.getContentType());
        byte[] body = request.getInputStream().readNBytes(MAX_FORM_BYTES + 1);
        List<String> userNames = charset == null || body.length > MAX_FORM_BYTES ? null
                : field(new String(body, charset), "username", charset);
        if (userNames == null || userNames.size() > 1) {
            gate.refuseUnreadable(request, response);
            return;
        }
        HttpServletRequest replayed = new ReplayedBodyRequest(request, body);
        if (userNames.isEmpty()) {
            // no user name: Camunda refuses it without checking any password
            chain.doFilter(replayed, response);
            return;
        }
        gate.pass(userNames.get(0), replayed, response, chain, (checked, answered) -> switch (answered.getStatus()) {
            case 200 -> LoginGate.Outcome.VERIFIED;
            case 401 -> LoginGate.Outcome.REFUSED;
            // e.g. 403: refused by the CSRF filter, or no access to this app; either way not a failure
            default -> LoginGate.Outcome.UNKNOWN;
        });
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

    /** Every value of the field, decoded as Jersey decodes a form; null if the form is malformed. */
    private static List<String> field(String form, String name, Charset charset) {
        List<String> values = new ArrayList<>();
        try {
            for (String pair : form.split("&")) {
                int equals = pair.indexOf('=');
                String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), charset);
                if (key.equals(name)) {
                    values.add(equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), charset));
                }
            }
            return values;
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
