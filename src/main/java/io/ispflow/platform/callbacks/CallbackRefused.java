package io.ispflow.platform.callbacks;

/** A callback or notification that is not accepted: forged, malformed, unknown, or not matching what we asked for. */
public class CallbackRefused extends RuntimeException {

    private final int status;

    public CallbackRefused(int status, String reason) {
        super(reason);
        this.status = status;
    }

    /** The HTTP status to answer with. */
    public int status() {
        return status;
    }
}
