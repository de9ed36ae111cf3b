package io.ispflow.messaging.staff;

/** An attachment over the size limit ({@code isp.messaging.attachments.max-size}). */
public class AttachmentTooLarge extends RuntimeException {

    private final long maxBytes;

    public AttachmentTooLarge(long maxBytes) {
        super("An attachment may have at most " + maxBytes + " bytes.");
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
