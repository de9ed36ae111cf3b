package io.ispflow.messaging.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.ispflow.messaging.staff.Notification;
import io.ispflow.messaging.staff.NotificationPreferences;
import io.ispflow.messaging.staff.NotificationPreferences.Preferences;
import io.ispflow.messaging.staff.StaffNotifications;

/** The caller's own notifications: every staff member has his, and sees no one else's. */
@RestController
@RequestMapping("/api/messaging/notifications")
class NotificationController {

    private final StaffNotifications notifications;
    private final NotificationPreferences preferences;

    NotificationController(StaffNotifications notifications, NotificationPreferences preferences) {
        this.notifications = notifications;
        this.preferences = preferences;
    }

    /** {@code kinds}: those of {@link NotificationPreferences#KINDS} to copy out; none for all. */
    record PreferencesRequest(@NotNull Boolean email, @NotNull Boolean sms, @NotNull Boolean whatsapp,
            @Size(max = 10) List<@NotNull @Pattern(regexp = "client|internal_message",
                    message = "must be client or internal_message") String> kinds) {
    }

    /** Newest first; the unread ones unless {@code all=true}. */
    @GetMapping
    PagedModel<Notification> list(@RequestParam(defaultValue = "false") boolean all,
            @PageableDefault(size = 20) Pageable page) {
        return new PagedModel<>(notifications.mine(!all, page));
    }

    @GetMapping("/unread-count")
    Map<String, Long> unreadCount() {
        return Map.of("unread", notifications.unreadCount());
    }

    @PostMapping("/{notificationId}/read")
    Notification markRead(@PathVariable UUID notificationId) {
        return notifications.markRead(notificationId);
    }

    /** How the caller's notifications are copied out: by e-mail, SMS, WhatsApp, and for which kinds. */
    @GetMapping("/preferences")
    Preferences myPreferences() {
        return preferences.mine();
    }

    @PutMapping("/preferences")
    Preferences savePreferences(@Valid @RequestBody PreferencesRequest request) {
        return preferences.save(new Preferences(request.email(), request.sms(), request.whatsapp(),
                request.kinds() == null ? List.of() : request.kinds()));
    }

    @PostMapping("/read-all")
    Map<String, Integer> markAllRead() {
        return Map.of("marked", notifications.markAllRead());
    }
}
