package io.ispflow.messaging.staff;

/** An attachment whose bytes are of a type staff do not exchange here (a program, an archive …). */
public class AttachmentTypeRefused extends RuntimeException {

    private final String detectedType;

    public AttachmentTypeRefused(String detectedType) {
        super("Files of type " + detectedType + " cannot be attached: PDF, images, text, CSV and office documents can.");
        this.detectedType = detectedType;
    }

    public String detectedType() {
        return detectedType;
    }
}
