package io.ispflow.network.snmp;

/**
 * An SNMP request that did not get the answer it needed: no answer in time, or an error status from
 * the device (e.g. {@code notWritable}). The message names the device and the error, never a secret.
 */
public class SnmpFailure extends RuntimeException {

    private final boolean timedOut;

    public SnmpFailure(String message, boolean timedOut) {
        super(message);
        this.timedOut = timedOut;
    }

    public SnmpFailure(String message, Throwable cause) {
        super(message, cause);
        this.timedOut = false;
    }

    /** Whether the device did not answer at all (as opposed to answering with an error). */
    public boolean timedOut() {
        return timedOut;
    }
}
