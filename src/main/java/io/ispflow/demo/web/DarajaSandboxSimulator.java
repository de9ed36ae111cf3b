package io.ispflow.demo.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import io.ispflow.shared.Nairobi;

/**
 * For the demo only (default profile): answers like the Daraja sandbox so that an STK push works
 * offline. The application calls it through its real Camel routes (the default profile points the
 * sandbox URL here); a few seconds after a push, the "customer" pays and the simulator posts
 * Daraja's success callback to the CallBackURL, as Safaricom would. Paybill payments from the phone
 * menu are simulated like the sandbox's C2B simulate: validation first, then (if accepted) confirmation,
 * to the URLs registered for the shortcode.
 * <p>
 * Only callers on this machine are answered (it stands in for a sandbox this instance calls), and it
 * posts only to this instance's own callback paths, whatever host a request names: it can be made to
 * call nothing else.
 */
@RestController
@RequestMapping("/simulator/daraja")
@Profile("default")
class DarajaSandboxSimulator {

    private static final Logger log = LoggerFactory.getLogger(DarajaSandboxSimulator.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final ScheduledExecutorService customer = Executors.newSingleThreadScheduledExecutor();
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, JsonNode> registeredUrls = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Pattern CALLBACK_PATH = Pattern.compile(
            "/api/payments/(mpesa/callback/[A-Za-z0-9_-]+|paybill/[A-Za-z0-9_-]+/(validation|confirmation))");
    private final Environment environment;

    DarajaSandboxSimulator(Environment environment) {
        this.environment = environment;
    }

    @GetMapping("/oauth/v1/generate")
    Map<String, Object> token() {
        return Map.of("access_token", "SIM" + UUID.randomUUID().toString().replace("-", ""), "expires_in", 3599);
    }

    @PostMapping("/mpesa/stkpush/v1/processrequest")
    Map<String, Object> stkPush(@RequestBody JsonNode push) {
        String checkout = "ws_CO_SIM" + System.currentTimeMillis() + ThreadLocalRandom.current().nextInt(1000);
        String merchant = "SIM-" + UUID.randomUUID().toString().substring(0, 8);
        customer.schedule(() -> pay(push, merchant, checkout), 3, TimeUnit.SECONDS);
        return Map.of("MerchantRequestID", merchant, "CheckoutRequestID", checkout, "ResponseCode", "0",
                "ResponseDescription", "Success. Request accepted for processing",
                "CustomerMessage", "Success. Request accepted for processing");
    }

    @PostMapping("/mpesa/stkpushquery/v1/query")
    Map<String, Object> query(@RequestBody JsonNode query) {
        return Map.of("ResponseCode", "0", "ResponseDescription", "The service request has been accepted successsfully",
                "CheckoutRequestID", query.path("CheckoutRequestID").asText(), "ResultCode", "0",
                "ResultDesc", "The service request is processed successfully.");
    }

    @PostMapping("/mpesa/c2b/v2/registerurl")
    Map<String, Object> registerUrls(@RequestBody JsonNode registration) {
        registeredUrls.put(registration.path("ShortCode").asText(), registration);
        return Map.of("OriginatorCoversationID", "SIM-" + UUID.randomUUID().toString().substring(0, 13),
                "ResponseCode", "0", "ResponseDescription", "Success");
    }

    @PostMapping("/mpesa/c2b/v2/simulate")
    Map<String, Object> simulatePaybillPayment(@RequestBody JsonNode payment) {
        JsonNode urls = registeredUrls.get(payment.path("ShortCode").asText());
        if (urls == null) {
            return Map.of("requestId", UUID.randomUUID().toString(), "errorCode", "400.002.02",
                    "errorMessage", "Bad Request - Invalid ShortCode: register URLs first");
        }
        customer.schedule(() -> payByMenu(payment, urls), 1, TimeUnit.SECONDS);
        return Map.of("OriginatorCoversationID", "SIM-" + UUID.randomUUID().toString().substring(0, 13),
                "ResponseCode", "0", "ResponseDescription", "Accept the service request successfully.");
    }

    private void payByMenu(JsonNode payment, JsonNode urls) {
        String receipt = simulatedReceipt();
        String msisdn = payment.path("Msisdn").asText();
        String request = """
                {"TransactionType": "Pay Bill", "TransID": "%s", "TransTime": "%s", "TransAmount": "%s",
                 "BusinessShortCode": "%s", "BillRefNumber": "%s", "InvoiceNumber": "", "OrgAccountBalance": "",
                 "ThirdPartyTransID": "", "MSISDN": "%s", "FirstName": "SIMULATED", "MiddleName": "", "LastName": ""}"""
                .formatted(receipt, LocalDateTime.now(Nairobi.ZONE).format(WHEN),
                        payment.path("Amount").asText(), payment.path("ShortCode").asText(),
                        payment.path("BillRefNumber").asText(),
                        msisdn.length() > 7 ? msisdn.substring(0, 4) + " ***** " + msisdn.substring(msisdn.length() - 3)
                                : msisdn);
        try {
            var validation = post(urls.path("ValidationURL").asText(), request);
            if (!validation.body().contains("\"ResultCode\":\"0\"")) {
                log.info("Simulated paybill payment {} for account {} rejected by validation: {}", receipt,
                        payment.path("BillRefNumber").asText(), validation.body());
                return;
            }
            var confirmation = post(urls.path("ConfirmationURL").asText(), request.replace(
                    "\"OrgAccountBalance\": \"\"", "\"OrgAccountBalance\": \"1000000.00\""));
            log.info("Simulated paybill payment {} of KES {} for account {}: confirmation answered {}", receipt,
                    payment.path("Amount").asText(), payment.path("BillRefNumber").asText(), confirmation.statusCode());
        } catch (Exception e) {
            log.warn("Simulated paybill payment could not be delivered: {}", e.toString());
        }
    }

    private HttpResponse<String> post(String url, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(ownCallback(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The callback path of the given URL on this instance; refuses any other path. */
    URI ownCallback(String url) {
        String path;
        try {
            path = URI.create(url).getRawPath();
        } catch (IllegalArgumentException notAUrl) {
            path = null;
        }
        if (path == null || !CALLBACK_PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("not a callback path of this instance: " + url);
        }
        // the port this instance listens on, known once the server has started
        return URI.create("http://127.0.0.1:" + environment.getProperty("local.server.port") + path);
    }

    /** Answers only callers on this machine (403 problem otherwise), before any handler runs. */
    @ModelAttribute
    void fromThisMachineOnly(HttpServletRequest request) {
        ThisMachineOnly.check(request, "Daraja");
    }

    private static String simulatedReceipt() {
        return "SIM" + Long.toString(System.nanoTime() % 100_000_000L, 36).toUpperCase();
    }

    private void pay(JsonNode push, String merchant, String checkout) {
        String receipt = simulatedReceipt();
        String callback = """
                {"Body": {"stkCallback": {"MerchantRequestID": "%s", "CheckoutRequestID": "%s", "ResultCode": 0,
                 "ResultDesc": "The service request is processed successfully.", "CallbackMetadata": {"Item": [
                 {"Name": "Amount", "Value": %s}, {"Name": "MpesaReceiptNumber", "Value": "%s"},
                 {"Name": "TransactionDate", "Value": %s}, {"Name": "PhoneNumber", "Value": %s}]}}}}"""
                .formatted(merchant, checkout, push.path("Amount").asText(), receipt,
                        LocalDateTime.now(Nairobi.ZONE).format(WHEN), push.path("PhoneNumber").asText());
        try {
            var response = post(push.path("CallBackURL").asText(), callback);
            log.info("Simulated M-PESA payment {} of KES {} for {}: callback answered {}", receipt,
                    push.path("Amount").asText(), push.path("AccountReference").asText(), response.statusCode());
        } catch (Exception e) {
            log.warn("Simulated M-PESA callback could not be delivered: {}", e.toString());
        }
    }

    @PreDestroy
    void stop() {
        customer.shutdownNow();
    }
}
