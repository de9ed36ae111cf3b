package io.ispflow.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.FormParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * Africa's Talking's SMS API on loopback (WireMock) for storms and benchmarks: each request to
 * {@code /version1/messaging} is answered as a {@link Policy} decides, a success in the documented form
 * ({@code at_send_response.json}, with the request's number and a fresh {@code messageId}), and every
 * success is counted by the request's {@code Idempotency-Key} (the message id), so that messages taken
 * more than once show.
 */
public final class SmsGatewayPeer implements AutoCloseable {

    public static final String SEND_PATH = "/version1/messaging";

    /** How the peer answers one request. */
    public enum Answer {
        /** HTTP 201, the message taken (status 101). */
        ACCEPT,
        /** HTTP 500. */
        ERROR_500,
        /** HTTP 503. */
        ERROR_503,
        /** HTTP 503 only after the slow delay, longer than the client waits. */
        TOO_SLOW
    }

    /** Decides the answer to the {@code request}-th request (from 1) carrying this idempotency key. */
    @FunctionalInterface
    public interface Policy {
        Answer answer(String idempotencyKey, int request);
    }

    /** A message taken: its idempotency key, number and text, and when ({@link System#nanoTime()}). */
    public record Accepted(String idempotencyKey, String to, String message, long atNanos) {
    }

    private static final String SAMPLE = ProviderPeers.darajaSample("at_send_response.json");
    private static final String SAMPLE_NUMBER = "+254711082282";
    private static final String SAMPLE_ID = "ATPid_SampleTxnId123";

    private final WireMockServer server;
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
    private final AtomicInteger answers = new AtomicInteger();

    private SmsGatewayPeer(Policy policy, Duration slowAnswer, Consumer<Accepted> onAccepted) {
        this.server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
                .containerThreads(64).disableRequestJournal()
                .extensions(new Answering(policy, slowAnswer, onAccepted)));
    }

    /** Starts a peer that answers as {@code policy} says; {@code onAccepted} hears of each message taken. */
    public static SmsGatewayPeer start(Policy policy, Duration slowAnswer, Consumer<Accepted> onAccepted) {
        var peer = new SmsGatewayPeer(policy, slowAnswer, onAccepted);
        peer.server.start();
        peer.server.stubFor(post(urlPathEqualTo(SEND_PATH)).willReturn(aResponse().withStatus(201)));
        return peer;
    }

    /** A peer that takes every message. */
    public static SmsGatewayPeer acceptingAll(Consumer<Accepted> onAccepted) {
        return start((key, request) -> Answer.ACCEPT, Duration.ZERO, onAccepted);
    }

    /** The base URL to give the application as its Africa's Talking (sandbox) URL. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Requests answered so far, whatever the answer. */
    public int requests() {
        return answers.get();
    }

    /** The idempotency keys of the messages taken at least once. */
    public Set<String> acceptedKeys() {
        return Set.copyOf(accepted.keySet());
    }

    /** Successes answered, counting a message taken twice twice. */
    public int acceptances() {
        return accepted.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** The messages taken more than once, with how often. */
    public Map<String, Integer> acceptedMoreThanOnce() {
        return accepted.entrySet().stream().filter(e -> e.getValue().get() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get()));
    }

    @Override
    public void close() {
        server.stop();
    }

    /** Answers every request to the send path as the policy decides; counts what was taken. */
    private final class Answering implements ResponseDefinitionTransformerV2 {

        private final Policy policy;
        private final Duration slowAnswer;
        private final Consumer<Accepted> onAccepted;

        Answering(Policy policy, Duration slowAnswer, Consumer<Accepted> onAccepted) {
            this.policy = policy;
            this.slowAnswer = slowAnswer;
            this.onAccepted = onAccepted;
        }

        @Override
        public String getName() {
            return "sms-gateway-peer";
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            Request request = event.getRequest();
            String key = String.valueOf(request.getHeader("Idempotency-Key"));
            int attempt = requests.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            answers.incrementAndGet();
            return switch (policy.answer(key, attempt)) {
                case ACCEPT -> accept(request, key);
                case ERROR_500 -> aResponse().withStatus(500).build();
                case ERROR_503 -> aResponse().withStatus(503).build();
                case TOO_SLOW -> aResponse().withStatus(503).withFixedDelay((int) slowAnswer.toMillis()).build();
            };
        }

        private ResponseDefinition accept(Request request, String key) {
            String to = field(request, "to");
            accepted.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            onAccepted.accept(new Accepted(key, to, field(request, "message"), System.nanoTime()));
            String body = SAMPLE.replace(SAMPLE_NUMBER, to).replace(SAMPLE_ID, "ATPid_" + UUID.randomUUID());
            return aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(body).build();
        }

        private static String field(Request request, String name) {
            FormParameter parameter = request.formParameter(name);
            return parameter == null || !parameter.isPresent() ? "" : parameter.firstValue();
        }
    }
}
