package io.ispflow.platform.callbacks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import io.ispflow.platform.web.ReplayedBodyRequest;

/**
 * The first gate of every provider intake path, before any route or parser sees the request: a body
 * is read at most {@link IntakeRefusals#MAX_BODY_BYTES} + 1 bytes far (a larger one is refused with
 * 413, whatever its Content-Length claims); a body of another type than the provider posts (JSON, or
 * a form for Africa's Talking) and any multipart body are refused with 415, and so is (400) a query
 * string, which no provider sends to the URLs we give it. The body is handed on raw, so a form is
 * never consumed as request parameters. Refusals are answered in the provider's own format and
 * recorded as security events.
 */
class IntakeBodyFilter extends OncePerRequestFilter {

    private final IntakeRefusals refusals;
    private final List<ProviderChannel> channels;

    IntakeBodyFilter(IntakeRefusals refusals, List<ProviderChannel> channels) {
        this.refusals = refusals;
        this.channels = channels;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(java.util.Locale.ROOT);
        boolean form = type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
        if (type.startsWith("multipart/") || form != channelOf(request).postsForms()) {
            refuse(request, response, 415, "intake_wrong_content_type", "content type " + type);
            return;
        }
        if (request.getQueryString() != null) {
            // the URLs we give providers have none; Camel would turn any parameter into a message header
            refuse(request, response, 400, "intake_unexpected_query", "a query string");
            return;
        }
        long declared = request.getContentLengthLong();
        byte[] body = declared > IntakeRefusals.MAX_BODY_BYTES ? null
                : request.getInputStream().readNBytes(IntakeRefusals.MAX_BODY_BYTES + 1);
        if (body == null || body.length > IntakeRefusals.MAX_BODY_BYTES) {
            refuse(request, response, 413, "intake_oversized", "body over " + IntakeRefusals.MAX_BODY_BYTES + " bytes");
            return;
        }
        request.setAttribute(ProviderCalls.RAW_BODY, body);
        var replayed = new ReplayedBodyRequest(request, body);
        chain.doFilter(form ? new OpaqueBodyRequest(replayed) : replayed, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, int status, String kind,
            String detail) throws IOException {
        refusals.refuse(status, null, kind, detail + " on " + request.getRequestURI(), request.getRemoteAddr());
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(rejection(request.getRequestURI()).getBytes(StandardCharsets.UTF_8));
    }

    /** "Rejected" as the caller's own API says it. */
    private String rejection(String path) {
        return ProviderCalls.json(ProviderChannel.posting(path, channels).rejected("Rejected"));
    }

    /**
     * A form body shown to what comes behind as opaque bytes: Camel would otherwise parse it into
     * headers of its own (failing on a bad escape, and letting a field name a header); the intake reads
     * the bytes the filter kept ({@link ProviderCalls#body}).
     */
    private static final class OpaqueBodyRequest extends jakarta.servlet.http.HttpServletRequestWrapper {

        OpaqueBodyRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getContentType() {
            return MediaType.APPLICATION_OCTET_STREAM_VALUE;
        }

        @Override
        public String getHeader(String name) {
            return "content-type".equalsIgnoreCase(name) ? getContentType() : super.getHeader(name);
        }

        @Override
        public java.util.Enumeration<String> getHeaders(String name) {
            return "content-type".equalsIgnoreCase(name)
                    ? java.util.Collections.enumeration(List.of(getContentType())) : super.getHeaders(name);
        }
    }

    private ProviderChannel channelOf(HttpServletRequest request) {
        return ProviderChannel.posting(request.getRequestURI(), channels);
    }
}
