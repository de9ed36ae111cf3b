package io.ispflow.messaging.web;

import java.util.Map;
import java.util.UUID;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.ispflow.messaging.staff.Notification;
import io.ispflow.messaging.staff.StaffNotifications;

/** The caller's own notifications: every staff member has his, and sees no one else's. */
@RestController
@RequestMapping("/api/messaging/notifications")
class NotificationController {

    private final StaffNotifications notifications;

    NotificationController(StaffNotifications notifications) {
        this.notifications = notifications;
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

    @PostMapping("/read-all")
    Map<String, Integer> markAllRead() {
        return Map.of("marked", notifications.markAllRead());
    }
}
