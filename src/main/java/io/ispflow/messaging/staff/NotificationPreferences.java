package io.ispflow.messaging.staff;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ispflow.platform.TenantContext;
import io.ispflow.platform.TenantScope;

/**
 * How a staff member wants his notifications copied out ({@code notification_preferences}): by e-mail
 * (on unless he says otherwise), by SMS, by WhatsApp (kept; no WhatsApp gateway sends yet), for the
 * kinds of notice he names, or all when he names none. Only he reads and sets his; the company's
 * system work reads them to honour them.
 */
@Service
public class NotificationPreferences {

    /** The kinds of notice there are: what a notification is about. */
    public static final List<String> KINDS = List.of("client", "internal_message");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** His choices; {@code kinds} empty means every kind. */
    public record Preferences(boolean email, boolean sms, boolean whatsapp, List<String> kinds) {

        static final Preferences DEFAULTS = new Preferences(true, false, false, List.of());

        /** Whether a notice about {@code kind} (null: about nothing in particular) goes out to him. */
        public boolean copies(String kind) {
            return kinds.isEmpty() || kinds.contains(kind);
        }
    }

    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;

    NotificationPreferences(JdbcTemplate jdbc, TenantScope tenantScope) {
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
    }

    /** The caller's preferences, or the defaults while he has set none. */
    @Transactional(readOnly = true)
    public Preferences mine() {
        return read(StaffNotifications.me());
    }

    @Transactional
    public Preferences save(Preferences preferences) {
        UUID me = StaffNotifications.me();
        jdbc.update("""
                insert into notification_preferences (user_id, email_notifications, sms_notifications,
                                                      whatsapp_notifications, notification_types, isp_company_id)
                values (?, ?, ?, ?, ?::jsonb, ?)
                on conflict (user_id) do update
                    set email_notifications = excluded.email_notifications,
                        sms_notifications = excluded.sms_notifications,
                        whatsapp_notifications = excluded.whatsapp_notifications,
                        notification_types = excluded.notification_types, updated_at = now()""",
                me, preferences.email(), preferences.sms(), preferences.whatsapp(), json(preferences.kinds()),
                TenantContext.requireCompanyId());
        return read(me);
    }

    /** A staff member's preferences, read as the company's system work (whoever's request this is). */
    Preferences of(UUID profileId) {
        return tenantScope.callAsSystem(TenantContext.requireCompanyId(), () -> read(profileId));
    }

    private Preferences read(UUID profileId) {
        return jdbc.query("""
                select email_notifications, sms_notifications, whatsapp_notifications, notification_types::text
                from notification_preferences where user_id = ?""",
                (row, n) -> new Preferences(row.getBoolean(1), row.getBoolean(2), row.getBoolean(3), kinds(row.getString(4))),
                profileId).stream().findFirst().orElse(Preferences.DEFAULTS);
    }

    private static List<String> kinds(String json) {
        try {
            return Optional.ofNullable(JSON.readValue(json, new TypeReference<List<String>>() { })).orElse(List.of());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(List<String> kinds) {
        try {
            return JSON.writeValueAsString(kinds.stream().distinct().sorted().toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
