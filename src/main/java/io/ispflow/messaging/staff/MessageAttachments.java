package io.ispflow.messaging.staff;

import static io.ispflow.messaging.staff.StaffNotifications.instant;
import static io.ispflow.messaging.staff.StaffNotifications.me;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ispflow.platform.TenantContext;

/**
 * Files attached to internal messages ({@code message_attachments}), bytes included. The sender attaches
 * them to his own message: at most {@code isp.messaging.attachments.max-size} (a declared length beyond
 * it is refused before anything is read), of a type detected from the bytes ({@link AttachmentTypes}),
 * stored with their SHA-256. Sender and recipient download them; row-level security hides them from
 * everyone else.
 */
@Service
public class MessageAttachments {

    private static final String COLUMNS = "id, message_id, file_name, file_size, file_type, file_url, sha256, uploaded_at";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final long maxBytes;

    MessageAttachments(JdbcTemplate jdbc, Clock clock, AttachmentProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxBytes = properties.maxSize().toBytes();
    }

    /**
     * Attaches the body (of the declared length, or -1 when unknown) to a message the caller sent, under
     * the file name given (made safe).
     */
    @Transactional
    public Attachment attach(UUID messageId, String fileName, long declaredLength, InputStream body)
            throws IOException {
        if (declaredLength > maxBytes) {
            throw new AttachmentTooLarge(maxBytes);
        }
        UUID me = me();
        List<UUID> sender = jdbc.queryForList(
                "select sender_id from internal_messages where id = ? and not is_deleted", UUID.class, messageId);
        if (sender.isEmpty()) {
            throw new MessageNotFound(messageId);
        }
        if (!sender.get(0).equals(me)) {
            throw new MessageRefused("Only the sender attaches files to a message.");
        }
        byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw new AttachmentTooLarge(maxBytes);
        }
        if (bytes.length == 0) {
            throw new AttachmentEmpty();
        }
        String name = SafeFileName.of(fileName);
        String type = AttachmentTypes.of(bytes, name);
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into message_attachments (id, message_id, file_name, file_size, file_type, file_url, sha256,
                                                 content, uploaded_at, isp_company_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id, messageId, name, bytes.length, type, "/api/messaging/attachments/" + id, sha256(bytes), bytes,
                Timestamp.from(clock.instant()), TenantContext.requireCompanyId());
        return of(List.of(messageId)).stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }

    /** The attachments of the caller's messages, without their bytes. */
    @Transactional(readOnly = true)
    public List<Attachment> of(List<UUID> messageIds) {
        if (messageIds.isEmpty()) {
            return List.of();
        }
        String marks = String.join(",", Collections.nCopies(messageIds.size(), "?"));
        return jdbc.query("select " + COLUMNS + " from message_attachments where message_id in (" + marks + ")"
                + " order by uploaded_at, id", MessageAttachments::attachment, messageIds.toArray());
    }

    /** An attachment of a message the caller sent or received (and did not delete), with its bytes. */
    @Transactional(readOnly = true)
    public AttachmentContent download(UUID attachmentId) {
        me();
        return jdbc.query("""
                select a.file_name, a.file_type, a.sha256, a.content from message_attachments a
                where a.id = ? and exists (select 1 from internal_messages m where m.id = a.message_id
                                                                         and not m.is_deleted)""",
                (row, n) -> new AttachmentContent(row.getString(1), row.getString(2), row.getString(3),
                        row.getBytes(4)), attachmentId).stream().findFirst()
                .orElseThrow(() -> new AttachmentNotFound(attachmentId));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Attachment attachment(ResultSet row, int n) throws SQLException {
        return new Attachment(row.getObject("id", UUID.class), row.getObject("message_id", UUID.class),
                row.getString("file_name"), row.getLong("file_size"), row.getString("file_type"),
                row.getString("file_url"), row.getString("sha256"), instant(row, "uploaded_at"));
    }
}
