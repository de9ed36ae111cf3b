package io.ispflow.messaging.staff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ispflow.messaging.MessagePurpose;
import io.ispflow.messaging.MessageTemplates;
import io.ispflow.messaging.internal.Outbox;
import io.ispflow.platform.TenantContext;
import io.ispflow.shared.Language;
import io.ispflow.shared.Msisdn;
import io.ispflow.tenancy.StaffDirectory;
import io.ispflow.tenancy.StaffProfile;

/**
 * Staff notifications ({@code notifications}). Any work of a company may address one to a staff member
 * of it; only he reads it and marks it read: row-level security keeps the rows to their addressee, so
 * another's notification is not found. Copies go to his e-mail and phone as he prefers.
 */
@Service
public class StaffNotifications {

    private static final String COLUMNS = """
            id, title, message, type, is_read, created_at, read_at, related_entity_type, related_entity_id,
            action_url""";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final NotificationPreferences preferences;
    private final StaffDirectory staff;
    private final MessageTemplates wording;
    private final Outbox outbox;

    StaffNotifications(JdbcTemplate jdbc, Clock clock, NotificationPreferences preferences, StaffDirectory staff,
            MessageTemplates wording, Outbox outbox) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.preferences = preferences;
        this.staff = staff;
        this.wording = wording;
        this.outbox = outbox;
    }

    /**
     * Addresses a notification to a staff member (profile id) of the company in context, and copies it
     * to his e-mail and phone as his {@link NotificationPreferences} ask, in the same transaction.
     */
    @Transactional
    public void notify(UUID profileId, String title, String message, String entityType, UUID entityId,
            String actionUrl) {
        jdbc.update("""
                insert into notifications (user_id, title, message, type, related_entity_type, related_entity_id,
                                           action_url, isp_company_id)
                values (?, ?, ?, 'info', ?, ?, ?, ?)""",
                profileId, title, message, entityType, entityId, actionUrl, TenantContext.requireCompanyId());
        var wanted = preferences.of(profileId);
        if (!wanted.copies(entityType) || !(wanted.email() || wanted.sms())) {
            return;
        }
        staff.profile(profileId).filter(StaffProfile::active).ifPresent(member -> {
                var values = Map.of("title", title, "message", message);
                if (wanted.email() && member.email() != null && !member.email().isBlank()) {
                    outbox.email(null, member.email(), MessagePurpose.STAFF_NOTICE.code(),
                            wording.subject(MessagePurpose.STAFF_NOTICE, Language.EN, values).orElse(title),
                            wording.text(MessagePurpose.STAFF_NOTICE, Language.EN, values));
                }
                if (wanted.sms()) {
                    Msisdn.tryParse(member.phone()).ifPresent(phone -> outbox.sms(null, phone.e164(),
                            MessagePurpose.STAFF_NOTICE, wording.text(MessagePurpose.STAFF_NOTICE, Language.EN, values)));
                }
            });
    }

    /** The caller's notifications, newest first: the unread ones, or all. */
    @Transactional(readOnly = true)
    public Page<Notification> mine(boolean unreadOnly, Pageable page) {
        UUID me = me();
        String where = " from notifications where user_id = ?" + (unreadOnly ? " and not is_read" : "");
        long total = jdbc.queryForObject("select count(*)" + where, Long.class, me);
        var rows = jdbc.query("select " + COLUMNS + where + " order by created_at desc, id limit ? offset ?",
                StaffNotifications::notification, me, page.getPageSize(), page.getOffset());
        return new PageImpl<>(rows, page, total);
    }

    @Transactional(readOnly = true)
    public long unreadCount() {
        return jdbc.queryForObject("select count(*) from notifications where user_id = ? and not is_read",
                Long.class, me());
    }

    /** Marks one of the caller's notifications read (once: a second time keeps the first time). */
    @Transactional
    public Notification markRead(UUID id) {
        jdbc.update("update notifications set is_read = true, read_at = ? where id = ? and not is_read",
                Timestamp.from(clock.instant()), id);
        return jdbc.query("select " + COLUMNS + " from notifications where id = ? and user_id = ?",
                StaffNotifications::notification, id, me()).stream().findFirst()
                .orElseThrow(() -> new NotificationNotFound(id));
    }

    /** Marks all the caller's notifications read; how many were unread. */
    @Transactional
    public int markAllRead() {
        return jdbc.update("update notifications set is_read = true, read_at = ? where user_id = ? and not is_read",
                Timestamp.from(clock.instant()), me());
    }

    /** The caller's profile: only a login with one has notifications and messages. */
    static UUID me() {
        TenantContext.requireCompanyId();
        return TenantContext.currentUserId()
                .orElseThrow(() -> new AccessDeniedException("a login without a staff profile has no inbox"));
    }

    private static Notification notification(ResultSet row, int n) throws SQLException {
        return new Notification(row.getObject("id", UUID.class), row.getString("title"), row.getString("message"),
                row.getString("type"), row.getBoolean("is_read"), instant(row, "created_at"), instant(row, "read_at"),
                row.getString("related_entity_type"), row.getObject("related_entity_id", UUID.class),
                row.getString("action_url"));
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
