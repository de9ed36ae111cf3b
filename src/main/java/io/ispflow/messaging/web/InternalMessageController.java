package io.ispflow.messaging.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.ispflow.messaging.staff.InternalMessage;
import io.ispflow.messaging.staff.InternalMessages;
import io.ispflow.platform.audit.BodyNotAudited;

/** Internal messages between staff of a company: each person's own inbox, sent list and threads. */
@RestController
@RequestMapping("/api/messaging")
class InternalMessageController {

    private final InternalMessages messages;

    InternalMessageController(InternalMessages messages) {
        this.messages = messages;
    }

    record MessageRequest(@NotBlank @Size(max = 64) String to, @NotBlank @Size(max = 200) String subject,
            @NotBlank @Size(max = 20000) String content) {
    }

    record ReplyRequest(@NotBlank @Size(max = 20000) String content) {
    }

    @PostMapping("/messages")
    @BodyNotAudited
    ResponseEntity<InternalMessage> send(@Valid @RequestBody MessageRequest request) {
        InternalMessage sent = messages.send(request.to().strip(), request.subject().strip(), request.content());
        return ResponseEntity.created(URI.create("/api/messaging/messages/" + sent.id())).body(sent);
    }

    @PostMapping("/messages/{messageId}/replies")
    @BodyNotAudited
    ResponseEntity<InternalMessage> reply(@PathVariable UUID messageId, @Valid @RequestBody ReplyRequest request) {
        InternalMessage sent = messages.reply(messageId, request.content());
        return ResponseEntity.created(URI.create("/api/messaging/messages/" + sent.id())).body(sent);
    }

    @GetMapping("/messages/inbox")
    PagedModel<InternalMessage> inbox(@PageableDefault(size = 20) Pageable page) {
        return new PagedModel<>(messages.inbox(page));
    }

    @GetMapping("/messages/sent")
    PagedModel<InternalMessage> sent(@PageableDefault(size = 20) Pageable page) {
        return new PagedModel<>(messages.sent(page));
    }

    @GetMapping("/messages/{messageId}")
    InternalMessage get(@PathVariable UUID messageId) {
        return messages.find(messageId);
    }

    @GetMapping("/threads/{threadId}")
    List<InternalMessage> thread(@PathVariable UUID threadId) {
        return messages.thread(threadId);
    }

    @PostMapping("/messages/{messageId}/read")
    InternalMessage markRead(@PathVariable UUID messageId) {
        return messages.markRead(messageId);
    }

    @DeleteMapping("/messages/{messageId}")
    ResponseEntity<Void> delete(@PathVariable UUID messageId) {
        messages.delete(messageId);
        return ResponseEntity.noContent().build();
    }
}
