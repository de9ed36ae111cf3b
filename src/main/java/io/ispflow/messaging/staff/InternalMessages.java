package io.ispflow.messaging.staff;

import static io.ispflow.messaging.staff.StaffNotifications.instant;
import static io.ispflow.messaging.staff.StaffNotifications.me;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ispflow.platform.TenantContext;
import io.ispflow.tenancy.StaffDirectory;
import io.ispflow.tenancy.StaffProfile;

/**
 * Internal messages between staff of a company ({@code internal_messages}): sent to a colleague,
 * answered in the same thread, read in the inbox, the sent list or by thread, marked read by the
 * recipient, deleted (kept on record, hidden from both). Only sender and recipient see a message:
 * row-level security keys on the staff member of the transaction. Arrival notifies the recipient.
 */
@Service
public class InternalMessages {

    private static final String COLUMNS = """
            id, thread_id, reply_to_id, sender_id, recipient_id, subject, content, sent_at, is_read, read_at""";
    private static final int SUBJECT_MAX = 200;

    /** A message as stored, with the parties as profile ids. */
    record Stored(UUID id, UUID threadId, UUID replyToId, UUID senderId, UUID recipientId, String subject,
            String content, Instant sentAt, boolean read, Instant readAt) {

        UUID otherParty(UUID me) {
            return me.equals(senderId) ? recipientId : senderId;
        }
    }

    private final JdbcTemplate jdbc;
    private final StaffDirectory staff;
    private final StaffNotifications notifications;
    private final MessageAttachments attachments;
    private final Clock clock;

    InternalMessages(JdbcTemplate jdbc, StaffDirectory staff, StaffNotifications notifications,
            MessageAttachments attachments, Clock clock) {
        this.jdbc = jdbc;
        this.staff = staff;
        this.notifications = notifications;
        this.attachments = attachments;
        this.clock = clock;
    }

    /** A new thread: a message to an active colleague (user id) of the caller's company. */
    @Transactional
    public InternalMessage send(String recipientUserId, String subject, String content) {
        UUID me = me();
        StaffProfile recipient = staff.profileOf(recipientUserId).filter(StaffProfile::active)
                .orElseThrow(() -> new RecipientNotFound(recipientUserId));
        if (recipient.id().equals(me)) {
            throw new MessageRefused("A message goes to someone else: you cannot write to yourself.");
        }
        UUID id = UUID.randomUUID();
        return deliver(id, id, null, me, recipient.id(), subject, content);
    }

    /** An answer to a message of the caller's, in its thread, to the other party. */
    @Transactional
    public InternalMessage reply(UUID messageId, String content) {
        UUID me = me();
        Stored original = stored(messageId);
        String subject = original.subject().startsWith("Re: ") ? original.subject()
                : abbreviate("Re: " + original.subject());
        return deliver(UUID.randomUUID(), original.threadId(), messageId, me, original.otherParty(me), subject, content);
    }

    @Transactional(readOnly = true)
    public Page<InternalMessage> inbox(Pageable page) {
        return list("recipient_id", page);
    }

    @Transactional(readOnly = true)
    public Page<InternalMessage> sent(Pageable page) {
        return list("sender_id", page);
    }

    /** The caller's messages of a thread, oldest first. */
    @Transactional(readOnly = true)
    public List<InternalMessage> thread(UUID threadId) {
        List<Stored> rows = jdbc.query("select " + COLUMNS
                + " from internal_messages where thread_id = ? and not is_deleted order by sent_at, id",
                InternalMessages::stored, threadId);
        if (rows.isEmpty()) {
            throw new MessageNotFound(threadId);
        }
        return views(rows);
    }

    @Transactional(readOnly = true)
    public InternalMessage find(UUID messageId) {
        return views(List.of(stored(messageId))).get(0);
    }

    /** The recipient has read the message (the first time counts). */
    @Transactional
    public InternalMessage markRead(UUID messageId) {
        Stored message = stored(messageId);
        if (!message.recipientId().equals(me())) {
            throw new MessageRefused("Only the recipient marks a message read.");
        }
        jdbc.update("update internal_messages set is_read = true, read_at = ? where id = ? and not is_read",
                Timestamp.from(clock.instant()), messageId);
        return find(messageId);
    }

    /** Hides the message from both parties; the row stays on record. */
    @Transactional
    public void delete(UUID messageId) {
        stored(messageId);
        jdbc.update("update internal_messages set is_deleted = true, deleted_at = ? where id = ?",
                Timestamp.from(clock.instant()), messageId);
    }

    /** A message the caller sent or received, not deleted. */
    Stored stored(UUID messageId) {
        return jdbc.query("select " + COLUMNS + " from internal_messages where id = ? and not is_deleted",
                InternalMessages::stored, messageId).stream().findFirst()
                .orElseThrow(() -> new MessageNotFound(messageId));
    }

    private InternalMessage deliver(UUID id, UUID threadId, UUID replyToId, UUID sender, UUID recipient,
            String subject, String content) {
        jdbc.update("""
                insert into internal_messages (id, sender_id, recipient_id, subject, content, sent_at, isp_company_id,
                                               thread_id, reply_to_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id, sender, recipient, subject, content, Timestamp.from(clock.instant()),
                TenantContext.requireCompanyId(), threadId, replyToId);
        InternalMessage message = find(id);
        notifications.notify(recipient, "Message from " + message.from(), subject, "internal_message", id,
                "/api/messaging/threads/" + threadId);
        return message;
    }

    private Page<InternalMessage> list(String party, Pageable page) {
        UUID me = me();
        String where = " from internal_messages where " + party + " = ? and not is_deleted";
        long total = jdbc.queryForObject("select count(*)" + where, Long.class, me);
        List<Stored> rows = jdbc.query("select " + COLUMNS + where + " order by sent_at desc, id limit ? offset ?",
                InternalMessages::stored, me, page.getPageSize(), page.getOffset());
        return new PageImpl<>(views(rows), page, total);
    }

    private List<InternalMessage> views(List<Stored> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        var parties = new HashSet<UUID>();
        rows.forEach(row -> {
            parties.add(row.senderId());
            parties.add(row.recipientId());
        });
        Map<UUID, String> userIds = staff.userIdsOf(parties);
        Map<UUID, List<Attachment>> files = attachments.of(rows.stream().map(Stored::id).toList()).stream()
                .collect(Collectors.groupingBy(Attachment::messageId));
        return rows.stream().map(row -> new InternalMessage(row.id(), row.threadId(), row.replyToId(),
                userIds.get(row.senderId()), userIds.get(row.recipientId()), row.subject(), row.content(), row.sentAt(),
                row.read(), row.readAt(), files.getOrDefault(row.id(), Collections.emptyList()))).toList();
    }

    private static String abbreviate(String subject) {
        return subject.length() <= SUBJECT_MAX ? subject : subject.substring(0, SUBJECT_MAX - 1) + "…";
    }

    private static Stored stored(ResultSet row, int n) throws SQLException {
        return new Stored(row.getObject("id", UUID.class), row.getObject("thread_id", UUID.class),
                row.getObject("reply_to_id", UUID.class), row.getObject("sender_id", UUID.class),
                row.getObject("recipient_id", UUID.class), row.getString("subject"), row.getString("content"),
                instant(row, "sent_at"), row.getBoolean("is_read"), instant(row, "read_at"));
    }
}
