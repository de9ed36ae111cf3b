package io.ispflow.messaging.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.shared.StaffRole;
import io.ispflow.tenancy.StaffDirectory;
import io.ispflow.testing.Api;
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.TestCompanies;
import io.ispflow.testing.TestCompanies.TestCompany;

/**
 * Attachments: typed from their bytes by Apache Tika whatever their name or declared type, refused when
 * they are programs or too large, stored with their SHA-256, and readable by sender and recipient only,
 * through the API and straight through SQL under row-level security. The test profile's limit is 64 KiB.
 */
@IntegrationTest
class MessageAttachmentsIntegrationTests {

    static final int LIMIT = 64 * 1024;
    static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);
    static final byte[] ELF = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0, 1, 0, 0, 0};

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    TestCompanies testCompanies;
    @Autowired
    StaffDirectory staff;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    final ObjectMapper json = new ObjectMapper();
    Api api;
    TestCompany acme;
    String sales;
    String billing;
    String messageId;

    @BeforeEach
    void aMessageFromSalesToBilling() {
        api = new Api(http);
        acme = testCompanies.create();
        sales = acme.user(StaffRole.SALES_ACCOUNT_MANAGER);
        billing = acme.user(StaffRole.BILLING_FINANCE);
        messageId = api.post("/api/messaging/messages", sales,
                Map.of("to", billing, "subject", "Contract", "content", "Attached.")).text("id");
    }

    @Test
    void aPdfNamedTxtIsStoredAsAPdfWithItsChecksumAndDownloadedAsAnAttachment() throws Exception {
        var uploaded = upload(sales, messageId, "notes.txt", MediaType.TEXT_PLAIN, PDF);

        assertThat(uploaded.status()).isEqualTo(201);
        assertThat(uploaded.text("type")).isEqualTo("application/pdf");
        assertThat(uploaded.text("fileName")).isEqualTo("notes.txt");
        assertThat(uploaded.body().path("size").asLong()).isEqualTo(PDF.length);
        String sha256 = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(PDF));
        assertThat(uploaded.text("sha256")).isEqualTo(sha256);
        String url = uploaded.text("url");
        assertThat(url).isEqualTo("/api/messaging/attachments/" + uploaded.text("id"));
        assertThat(api.get("/api/messaging/messages/" + messageId, billing).body().path("attachments").get(0)
                .path("sha256").asText()).isEqualTo(sha256);

        for (String party : new String[] {billing, sales}) {
            var download = download(party, url);
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.body()).isEqualTo(PDF);
            assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
            assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                    .startsWith("attachment;").contains("notes.txt");
            assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(download.headers().firstValue("Repr-Digest")).hasValue("sha-256=:"
                    + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256)) + ":");
        }
    }

    @Test
    void theNameOnlyNarrowsWhatTheBytesAre() {
        assertThat(upload(sales, messageId, "readings.csv", MediaType.APPLICATION_OCTET_STREAM,
                "date,mbps\n2026-11-01,42\n".getBytes(StandardCharsets.UTF_8)).text("type")).isEqualTo("text/csv");
        assertThat(upload(sales, messageId, "notes.pdf", MediaType.APPLICATION_PDF,
                "just some words\n".getBytes(StandardCharsets.UTF_8)).text("type")).isEqualTo("text/plain");
    }

    @Test
    void programsAreRefusedWhateverTheyAreCalledOrDeclaredAs() {
        byte[] windows = new byte[256];
        windows[0] = 'M';
        windows[1] = 'Z';
        windows[0x3c] = (byte) 0x80;
        System.arraycopy(new byte[] {'P', 'E', 0, 0}, 0, windows, 0x80, 4);
        byte[] unknown = new byte[512];
        new java.util.Random(7).nextBytes(unknown);

        for (var program : Map.of("invoice.pdf", ELF, "scan.png", windows, "report.docx", unknown).entrySet()) {
            var refused = upload(sales, messageId, program.getKey(), MediaType.APPLICATION_PDF, program.getValue());
            assertThat(refused.status()).as(program.getKey()).isEqualTo(415);
            assertThat(refused.text("type")).endsWith("/attachment-type-refused");
        }
        assertThat(attachmentRowsSeenBy(sales)).isZero();
    }

    @Test
    void aFileOverTheLimitIsRefusedWhetherItsLengthIsDeclaredOrNot() throws Exception {
        byte[] tooLarge = Arrays.copyOf(PDF, LIMIT + 1);
        var declared = upload(sales, messageId, "big.pdf", MediaType.APPLICATION_PDF, tooLarge);
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.text("type")).endsWith("/attachment-too-large");
        assertThat(declared.body().path("maxBytes").asLong()).isEqualTo(LIMIT);

        var chunked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base()
                        + "/api/messaging/messages/" + messageId + "/attachments?fileName=big.pdf"))
                .header("Authorization", basic(sales)).header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tooLarge))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);

        assertThat(upload(sales, messageId, "exact.pdf", MediaType.APPLICATION_PDF, Arrays.copyOf(PDF, LIMIT)).status())
                .as("the limit itself is allowed").isEqualTo(201);
        assertThat(attachmentRowsSeenBy(sales)).isEqualTo(1);
    }

    @Test
    void onlyTheSenderAttachesAndOnlyTheTwoPartiesDownload() throws Exception {
        String url = upload(sales, messageId, "contract.pdf", MediaType.APPLICATION_PDF, PDF).text("url");
        TestCompany savanna = testCompanies.create();

        var byRecipient = upload(billing, messageId, "answer.pdf", MediaType.APPLICATION_PDF, PDF);
        assertThat(byRecipient.status()).isEqualTo(409);
        for (String outsider : new String[] {acme.user(StaffRole.ISP_ADMIN), acme.user(StaffRole.CUSTOMER_SUPPORT),
                savanna.user(StaffRole.ISP_ADMIN)}) {
            assertThat(download(outsider, url).statusCode()).as(outsider).isEqualTo(404);
            assertThat(upload(outsider, messageId, "x.pdf", MediaType.APPLICATION_PDF, PDF).status()).as(outsider)
                    .isEqualTo(404);
        }
        assertThat(download(null, url).statusCode()).isEqualTo(401);
        var multipart = upload(sales, messageId, "x.pdf", MediaType.parseMediaType("multipart/form-data; boundary=x"),
                "--x\r\n\r\n--x--".getBytes(StandardCharsets.US_ASCII));
        assertThat(multipart.status()).isEqualTo(415);
        assertThat(upload(sales, messageId, "empty.pdf", MediaType.APPLICATION_PDF, new byte[0]).status()).isEqualTo(400);
        assertThat(attachmentRowsSeenBy(sales)).isEqualTo(1);
    }

    @Test
    void underRowLevelSecurityOnlySenderAndRecipientSeeMessagesAndAttachmentsInSql() {
        upload(sales, messageId, "contract.pdf", MediaType.APPLICATION_PDF, PDF);
        UUID colleague = profile(acme.user(StaffRole.ISP_ADMIN));

        assertThat(seen(profile(sales))).containsExactly(1L, 1L);
        assertThat(seen(profile(billing))).containsExactly(1L, 1L);
        assertThat(seen(colleague)).as("a third staff member of the company").containsExactly(0L, 0L);
        assertThat(seen(null)).as("system work, no staff member").containsExactly(0L, 0L);
        assertThat(asUser(testCompanies.create().id(), profile(sales), () -> jdbc.queryForObject(
                "select count(*) from internal_messages", Long.class))).as("the sender, for another company").isZero();
        assertThat(asUser(acme.id(), colleague, () -> jdbc.queryForObject(
                "select count(*) from notifications where related_entity_id = ?::uuid", Long.class, messageId)))
                .as("the recipient's notification, to a colleague").isZero();
        assertThat(asUser(acme.id(), colleague, () -> jdbc.update(
                "update internal_messages set content = 'changed' where id = ?::uuid", messageId))).isZero();

        assertThatThrownBy(() -> asUser(acme.id(), colleague, () -> jdbc.update("""
                insert into internal_messages (sender_id, recipient_id, subject, content, isp_company_id)
                values (?, ?, 'forged', 'in his name', ?)""", profile(sales), profile(billing), acme.id())))
                .isInstanceOf(DataAccessException.class).rootCause()
                .hasMessageContaining("violates row-level security policy");
    }

    /** Messages and attachments of the test's message a transaction of the company sees as the user. */
    private Long[] seen(UUID user) {
        return asUser(acme.id(), user, () -> new Long[] {
            jdbc.queryForObject("select count(*) from internal_messages where id = ?::uuid", Long.class, messageId),
            jdbc.queryForObject("select count(*) from message_attachments where message_id = ?::uuid", Long.class,
                    messageId)});
    }

    /** A transaction of the application's database role with the settings the policies read, set by hand. */
    private <T> T asUser(UUID company, UUID user, Supplier<T> work) {
        return transactions.execute(tx -> {
            jdbc.queryForMap("select set_config('app.company_id', ?, true), set_config('app.user_id', ?, true)",
                    company.toString(), user == null ? "" : user.toString());
            return work.get();
        });
    }

    private long attachmentRowsSeenBy(String user) {
        return asUser(acme.id(), profile(user), () -> jdbc.queryForObject(
                "select count(*) from message_attachments where message_id = ?::uuid", Long.class, messageId));
    }

    private UUID profile(String user) {
        return staff.profileIdOf(user).orElseThrow();
    }

    private Api.Reply upload(String user, String message, String fileName, MediaType type, byte[] bytes) {
        HttpHeaders headers = new HttpHeaders();
        if (user != null) {
            headers.setBasicAuth(user, TestCompanies.PASSWORD);
        }
        headers.setContentType(type);
        var response = http.exchange("/api/messaging/messages/" + message + "/attachments?fileName={name}",
                HttpMethod.POST, new HttpEntity<>(bytes, headers), String.class, fileName);
        try {
            JsonNode body = response.getBody() == null ? json.createObjectNode() : json.readTree(response.getBody());
            return new Api.Reply(response.getStatusCode().value(), body, response.getHeaders());
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + response.getBody(), e);
        }
    }

    private HttpResponse<byte[]> download(String user, String url) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base() + url)).GET();
        if (user != null) {
            request.header("Authorization", basic(user));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + TestCompanies.PASSWORD).getBytes());
    }
}
