package io.ispflow.network;

/** A request about an item that is invalid as a whole, though each value has its form (one field named). */
public class InvalidInventoryChange extends RuntimeException {

    private final String field;

    public InvalidInventoryChange(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
