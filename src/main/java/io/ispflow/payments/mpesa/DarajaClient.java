package io.ispflow.payments.mpesa;

import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

import io.ispflow.shared.Nairobi;


/**
 * Calls Daraja through {@link DarajaRoutes}: OAuth tokens are cached until shortly before they expire
 * and fetched again once when Daraja calls one invalid; timestamps are Nairobi time, as Daraja wants.
 */
@Component
class DarajaClient {

    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final Duration SAFETY_MARGIN = Duration.ofSeconds(60);

    private final ProducerTemplate camel;
    private final DarajaProperties properties;
    private final Clock clock;
    private final Cache<String, Token> tokens = Caffeine.newBuilder()
            .expireAfter(Expiry.creating((String key, Token token) -> token.lifetime()))
            .maximumSize(1_000)
            .build();

    DarajaClient(ProducerTemplate camel, DarajaProperties properties, Clock clock) {
        this.camel = camel;
        this.properties = properties;
        this.clock = clock;
    }

    private record Token(String value, Duration lifetime) {
    }

    /** Sends the prompt to the customer's phone. */
    StkPushAccepted stkPush(MpesaCredentials credentials, StkPush push) {
        var body = signedBody(credentials);
        body.put("TransactionType", "CustomerPayBillOnline");
        body.put("Amount", push.amount().setScale(0, RoundingMode.UP).toPlainString());
        body.put("PartyA", push.phoneDigits());
        body.put("PartyB", credentials.shortcode());
        body.put("PhoneNumber", push.phoneDigits());
        body.put("CallBackURL", properties.callbackBaseUrl() + "/api/payments/mpesa/callback/" + push.callbackToken());
        body.put("AccountReference", truncate(push.accountReference(), 12));
        body.put("TransactionDesc", truncate(push.description(), 13));
        Reply answer = call(DarajaRoutes.STK_PUSH, credentials, body);
        if (!"0".equals(DarajaJson.text(answer.body(), "ResponseCode"))) {
            throw rejected(answer);
        }
        return new StkPushAccepted(DarajaJson.text(answer.body(), "MerchantRequestID"),
                DarajaJson.text(answer.body(), "CheckoutRequestID"), DarajaJson.text(answer.body(), "CustomerMessage"));
    }

    /**
     * Asks Daraja how a push ended, for when its callback is late. A prompt still on the handset
     * (result 4999, or error 500.001.1001 "being processed") is {@link StkQueryAnswer.State#PENDING},
     * never a failure.
     */
    StkQueryAnswer stkQuery(MpesaCredentials credentials, String checkoutRequestId) {
        var body = signedBody(credentials);
        body.put("CheckoutRequestID", checkoutRequestId);
        Reply answer = call(DarajaRoutes.STK_QUERY, credentials, body);
        String errorCode = DarajaJson.text(answer.body(), "errorCode");
        String errorMessage = DarajaJson.text(answer.body(), "errorMessage");
        if ("500.001.1001".equals(errorCode) && errorMessage != null
                && errorMessage.toLowerCase(java.util.Locale.ROOT).contains("being processed")) {
            return StkQueryAnswer.pending(errorMessage);
        }
        String resultCode = DarajaJson.text(answer.body(), "ResultCode");
        if (resultCode == null) {
            throw rejected(answer);
        }
        return StkQueryAnswer.of(resultCode.trim(), DarajaJson.text(answer.body(), "ResultDesc"));
    }

    /**
     * Registers the company's C2B confirmation and validation URLs for its shortcode. Payments made
     * from the phone menu complete when validation cannot be reached ({@code ResponseType Completed}):
     * a customer's money is never turned away because the ISP's server was slow.
     *
     * @return the URLs registered, with Daraja's OriginatorCoversationID (sic)
     */
    PaybillRegistration registerC2bUrls(MpesaCredentials credentials, String callbackToken) {
        var body = new LinkedHashMap<String, Object>();
        body.put("ShortCode", credentials.shortcode());
        body.put("ResponseType", "Completed");
        String base = properties.callbackBaseUrl() + C2B_PATH + callbackToken;
        body.put("ConfirmationURL", base + "/confirmation");
        body.put("ValidationURL", base + "/validation");
        Reply answer = call(DarajaRoutes.C2B_REGISTER, credentials, body);
        if (!"0".equals(DarajaJson.text(answer.body(), "ResponseCode"))) {
            throw rejected(answer);
        }
        return new PaybillRegistration(credentials.shortcode(), base + "/confirmation", base + "/validation",
                DarajaJson.text(answer.body(), "OriginatorCoversationID"));
    }

    /**
     * Where Daraja posts C2B validation and confirmation requests. Daraja refuses URLs containing
     * "mpesa", "query" and similar words, hence a path of its own.
     */
    static final String C2B_PATH = "/api/payments/paybill/";

    /** The start of an M-PESA Express request: shortcode, password and the Nairobi timestamp it is made of. */
    private LinkedHashMap<String, Object> signedBody(MpesaCredentials credentials) {
        String timestamp = LocalDateTime.now(clock.withZone(Nairobi.ZONE)).format(TIMESTAMP);
        var body = new LinkedHashMap<String, Object>();
        body.put("BusinessShortCode", credentials.shortcode());
        body.put("Password", password(credentials.shortcode(), credentials.passkey(), timestamp));
        body.put("Timestamp", timestamp);
        return body;
    }

    /** Daraja's {@code base64(shortcode + passkey + timestamp)}. */
    static String password(String shortcode, String passkey, String timestamp) {
        return Base64.getEncoder().encodeToString((shortcode + passkey + timestamp).getBytes(StandardCharsets.UTF_8));
    }

    /** Calls a route with a bearer token; a token Daraja calls invalid is replaced once and the call repeated. */
    private Reply call(String route, MpesaCredentials credentials, Object body) {
        Reply reply = send(route, credentials, body, token(credentials));
        if (reply.status() == 401 || "404.001.03".equals(DarajaJson.text(reply.body(), "errorCode"))) {
            tokens.invalidate(cacheKey(credentials));
            reply = send(route, credentials, body, token(credentials));
        }
        return reply;
    }

    private record Reply(int status, Map<String, Object> body) {
    }

    private Reply send(String route, MpesaCredentials credentials, Object body, String token) {
        Exchange exchange = camel.send(route, e -> {
            e.setProperty(DarajaRoutes.BASE_URL, properties.baseUrl(credentials.environment()).toString());
            e.getMessage().setHeader("Authorization", "Bearer " + token);
            e.getMessage().setBody(body);
        });
        return reply(exchange);
    }

    private String token(MpesaCredentials credentials) {
        return tokens.get(cacheKey(credentials), key -> {
            String basic = Base64.getEncoder().encodeToString(
                    (credentials.consumerKey() + ":" + credentials.consumerSecret()).getBytes(StandardCharsets.UTF_8));
            Exchange exchange = camel.send(DarajaRoutes.TOKEN, e -> {
                e.setProperty(DarajaRoutes.BASE_URL, properties.baseUrl(credentials.environment()).toString());
                e.getMessage().setHeader("Authorization", "Basic " + basic);
            });
            Reply reply = reply(exchange);
            String accessToken = DarajaJson.text(reply.body(), "access_token");
            if (reply.status() != 200 || accessToken == null) {
                throw rejected(reply);
            }
            // expires_in is a number in today's docs and a string in older ones
            long seconds = Long.parseLong(DarajaJson.text(reply.body(), "expires_in").trim());
            Duration lifetime = Duration.ofSeconds(seconds).minus(SAFETY_MARGIN);
            return new Token(accessToken, lifetime.isNegative() ? Duration.ZERO : lifetime);
        }).value();
    }

    private static Reply reply(Exchange exchange) {
        if (exchange.getException() != null) {
            throw new IllegalStateException("M-PESA could not be reached", exchange.getException());
        }
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = exchange.getMessage().getBody(Map.class);
        return new Reply(status == null ? 0 : status, body == null ? Map.of() : body);
    }

    private static String cacheKey(MpesaCredentials credentials) {
        return credentials.environment() + ':' + credentials.consumerKey();
    }

    private static DarajaRejected rejected(Reply reply) {
        Map<String, Object> answer = reply.body();
        String message = DarajaJson.text(answer, "errorMessage");
        if (message == null) {
            message = DarajaJson.text(answer, "ResponseDescription");
        }
        return new DarajaRejected(DarajaJson.text(answer, "errorCode"),
                message == null ? "HTTP " + reply.status() + " without a reason" : message);
    }

    private static String truncate(String value, int max) {
        return value == null ? "" : value.length() <= max ? value : value.substring(0, max);
    }
}
