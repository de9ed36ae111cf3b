package io.ispflow.messaging.staff;

/** An attachment's bytes, with what a download needs to label them. */
public record AttachmentContent(String fileName, String type, String sha256, byte[] bytes) {
}
