package io.ispflow.platform.callbacks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;

/** What every route taking provider calls shares: its refusal handling, its answers, the caller's address. */
public final class ProviderCalls {

    /** The route configuration that answers refusals and failures in the provider's format. */
    public static final String REFUSALS = "platform.provider-refusals";

    /** The request attribute under which the intake's body filter keeps the body as it came. */
    static final String RAW_BODY = ProviderCalls.class.getName() + ".body";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProviderCalls() {
    }

    /** Answers with {@code answer} written as JSON, and nothing of the request's headers. */
    public static Processor answer(Object answer) {
        return exchange -> {
            exchange.getMessage().removeHeaders("*");
            exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
            exchange.getMessage().setBody(json(answer));
        };
    }

    /** The company token in the path. */
    public static String token(Exchange exchange) {
        return exchange.getMessage().getHeader("token", String.class);
    }

    /** The body as text; an empty request has none, which the intake refuses like any malformed one. */
    public static String text(Exchange exchange) {
        String body = exchange.getMessage().getBody(String.class);
        return body == null ? "" : body;
    }

    /**
     * The body as it came, bytes the body filter read: for a form, which Camel would otherwise turn into
     * parameters and headers of its own reading.
     */
    public static byte[] body(Exchange exchange) {
        Object body = exchange.getIn() instanceof PlatformHttpMessage http
                ? http.getRequest().getAttribute(RAW_BODY) : null;
        return body instanceof byte[] bytes ? bytes : new byte[0];
    }

    /**
     * The caller's address as the server sees it: forwarded addresses count only from the trusted
     * proxies that Tomcat's remote-IP handling is configured with, never from a header anyone can send.
     */
    public static String source(Exchange exchange) {
        return exchange.getIn() instanceof PlatformHttpMessage http ? http.getRequest().getRemoteAddr() : null;
    }

    static String json(Object answer) {
        try {
            return JSON.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not an answer that can be written as JSON: " + answer, e);
        }
    }
}
