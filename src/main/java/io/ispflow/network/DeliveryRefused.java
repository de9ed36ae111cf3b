package io.ispflow.network;

import java.util.Comparator;
import java.util.List;

/** A delivery that is not taken in at all, for the reasons of its lines. */
public class DeliveryRefused extends RuntimeException {

    /** What is wrong on one line (the header is line 1); {@code field} may be null for the line as a whole. */
    public record LineError(int line, String field, String message) {
    }

    private final List<LineError> errors;

    public DeliveryRefused(List<LineError> errors) {
        super("The delivery has " + errors.size() + (errors.size() == 1 ? " fault" : " faults")
                + "; nothing of it was taken into stock.");
        this.errors = errors.stream().sorted(Comparator.comparingInt(LineError::line)).toList();
    }

    public List<LineError> errors() {
        return errors;
    }
}
