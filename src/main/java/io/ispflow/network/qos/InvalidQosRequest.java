package io.ispflow.network.qos;

/** A request whose values each have their form, but not together or not in the company (one field named). */
public class InvalidQosRequest extends RuntimeException {

    private final String field;

    public InvalidQosRequest(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
