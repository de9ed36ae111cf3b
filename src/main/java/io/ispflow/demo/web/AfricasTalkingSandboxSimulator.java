package io.ispflow.demo.web;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.ispflow.messaging.sms.SmsGatewaySettings;
import io.ispflow.platform.TenantScope;
import io.ispflow.tenancy.Companies;

/**
 * For the demo only (default profile): answers like the Africa's Talking sandbox, so that client SMS
 * leave through the application's real Camel route and come back as delivery reports, offline. Every
 * message is "sent" (status 101, KES 0.80) and, two seconds later, reported delivered to the delivery
 * report path of the company whose API key sent it, as Africa's Talking posts to the URL an account
 * has entered in its dashboard. Messages land in this instance's log. A phone can text a company too
 * ({@code /phone}), as the sandbox's phone simulator does.
 * <p>
 * Only callers on this machine are answered, and it posts only to this instance's own delivery paths.
 */
@RestController
@RequestMapping("/simulator/africastalking")
@Profile("default")
class AfricasTalkingSandboxSimulator {

    private static final Logger log = LoggerFactory.getLogger(AfricasTalkingSandboxSimulator.class);

    private final ScheduledExecutorService network = Executors.newSingleThreadScheduledExecutor();
    private final HttpClient http = HttpClient.newHttpClient();
    private final Environment environment;
    private final Companies companies;
    private final SmsGatewaySettings gateways;
    private final TenantScope tenantScope;

    AfricasTalkingSandboxSimulator(Environment environment, Companies companies, SmsGatewaySettings gateways,
            TenantScope tenantScope) {
        this.environment = environment;
        this.companies = companies;
        this.gateways = gateways;
        this.tenantScope = tenantScope;
    }

    @PostMapping(path = "/version1/messaging", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Object> send(@RequestHeader(name = "apiKey", required = false) String apiKey,
            @RequestParam(required = false) String username, @RequestParam String to, @RequestParam String message) {
        Optional<String> deliveryPath = deliveryPathOf(apiKey);
        if (!"sandbox".equals(username) || deliveryPath.isEmpty()) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.TEXT_PLAIN)
                    .body("The supplied authentication is invalid");
        }
        List<Map<String, Object>> recipients = new ArrayList<>();
        for (String number : to.split(",")) {
            String messageId = "ATXid_SIM" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
            recipients.add(Map.of("statusCode", 101, "number", number.trim(), "status", "Success",
                    "cost", "KES 0.8000", "messageId", messageId));
            log.info("Simulated SMS {} to {}: {}", messageId, number.trim(), message);
            network.schedule(() -> report(deliveryPath.get(), messageId, number.trim()), 2, TimeUnit.SECONDS);
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("SMSMessageData", Map.of(
                "Message", "Sent to " + recipients.size() + "/" + recipients.size() + " Total Cost: KES "
                        + String.format("%.4f", 0.8 * recipients.size()),
                "Recipients", recipients)));
    }

    /**
     * A phone texts the company whose sender id is {@code to} (e.g. {@code ACME}): posted to that
     * company's incoming messages path as Africa's Talking posts it, so the answer (to {@code BAL},
     * {@code PAY 500}, {@code STOP}...) comes back through the real intake and the real send route.
     */
    @PostMapping(path = "/phone", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Object> text(@RequestParam String from, @RequestParam String to, @RequestParam String text) {
        Optional<String> incomingPath = companies.activeIds().stream()
                .flatMap(company -> tenantScope.callAs(company, () -> gateways.current()
                        .filter(gateway -> to.equalsIgnoreCase(gateway.senderId()))
                        .map(gateway -> gateway.incomingMessagesPath())).stream())
                .findFirst();
        if (incomingPath.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
                    .body("No company sends as " + to.replaceAll("[^A-Za-z0-9 ]", ""));
        }
        String form = "from=" + encoded(from) + "&to=" + encoded(to) + "&text=" + encoded(text)
                + "&id=ATXid_SIM" + UUID.randomUUID().toString().replace("-", "").substring(0, 20)
                + "&linkId=SimLink" + System.nanoTime() + "&date=" + encoded(java.time.Instant.now().toString())
                + "&networkCode=99999";
        return ResponseEntity.status(post(incomingPath.get(), form)).contentType(MediaType.TEXT_PLAIN)
                .body("Texted " + to.replaceAll("[^A-Za-z0-9 ]", ""));
    }

    /** The delivery report path of the company whose gateway account has this key. */
    private Optional<String> deliveryPathOf(String apiKey) {
        if (apiKey == null) {
            return Optional.empty();
        }
        return companies.activeIds().stream()
                .flatMap(company -> tenantScope.callAs(company, () -> gateways.credentials()
                        .filter(account -> apiKey.equals(account.apiKey()))
                        .flatMap(account -> gateways.current()).map(gateway -> gateway.deliveryReportPath())).stream())
                .findFirst();
    }

    private void report(String path, String messageId, String number) {
        int status = post(path, "id=" + messageId + "&status=Success&phoneNumber=" + encoded(number) + "&networkCode=99999");
        log.info("Simulated delivery report for SMS {}: answered {}", messageId, status);
    }

    /** Posts a form to one of this instance's own paths; the intake's status, or 502 when it gave none. */
    private int post(String path, String form) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + environment.getProperty("local.server.port") + path))
                    .header("Content-Type", MediaType.APPLICATION_FORM_URLENCODED_VALUE)
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode();
        } catch (java.io.IOException e) {
            log.warn("Simulated post to Africa's Talking's callback could not be delivered: {}", e.toString());
            return 502;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 502;
        }
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @ModelAttribute
    void fromThisMachineOnly(HttpServletRequest request) {
        ThisMachineOnly.check(request, "Africa's Talking");
    }

    @PreDestroy
    void stop() {
        network.shutdownNow();
    }
}
