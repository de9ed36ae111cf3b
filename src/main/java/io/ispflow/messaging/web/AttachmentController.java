package io.ispflow.messaging.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.ispflow.messaging.staff.Attachment;
import io.ispflow.messaging.staff.AttachmentContent;
import io.ispflow.messaging.staff.MessageAttachments;
import io.ispflow.platform.audit.BodyNotAudited;

/**
 * Attachments of internal messages. An upload is the file's bytes as the request body, its name in
 * {@code fileName}: the declared {@code Content-Type} decides nothing (the type is detected from the
 * bytes), but a form or multipart body is refused, as everywhere in the API. A download is always an
 * attachment, of the stored type, never sniffed by the browser.
 */
@RestController
@RequestMapping("/api/messaging")
@Validated
class AttachmentController {

    private final MessageAttachments attachments;

    AttachmentController(MessageAttachments attachments) {
        this.attachments = attachments;
    }

    @PostMapping("/messages/{messageId}/attachments")
    @BodyNotAudited
    ResponseEntity<Attachment> upload(@PathVariable UUID messageId,
            @RequestParam @NotBlank @Size(max = 255) String fileName, HttpServletRequest request)
            throws IOException, HttpMediaTypeNotSupportedException {
        refuseFormsAndParts(request.getContentType());
        Attachment attachment = attachments.attach(messageId, fileName, request.getContentLengthLong(),
                request.getInputStream());
        return ResponseEntity.created(URI.create(attachment.url())).body(attachment);
    }

    @GetMapping("/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(@PathVariable UUID attachmentId) {
        AttachmentContent file = attachments.download(attachmentId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.type()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(file.sha256())) + ":")
                .body(file.bytes());
    }

    private static void refuseFormsAndParts(String contentType) throws HttpMediaTypeNotSupportedException {
        if (contentType == null) {
            return;
        }
        MediaType type = MediaType.parseMediaType(contentType);
        if (type.getType().equals("multipart") || MediaType.APPLICATION_FORM_URLENCODED.includes(type)) {
            throw new HttpMediaTypeNotSupportedException(type, List.of(MediaType.APPLICATION_OCTET_STREAM));
        }
    }
}
