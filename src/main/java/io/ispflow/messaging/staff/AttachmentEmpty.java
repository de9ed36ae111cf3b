package io.ispflow.messaging.staff;

/** An upload without bytes: the file goes as the request body. */
public class AttachmentEmpty extends RuntimeException {

    public AttachmentEmpty() {
        super("The attachment is empty: send the file's bytes as the request body.");
    }
}
