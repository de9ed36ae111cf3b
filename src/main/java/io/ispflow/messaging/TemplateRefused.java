package io.ispflow.messaging;

import java.util.List;

/** A company's template was not saved: it names placeholders its purpose does not have, or has stray braces. */
public class TemplateRefused extends RuntimeException {

    /** One thing wrong, in the field (body or subject) it is in. */
    public record Mistake(String field, String message) {
    }

    private final transient List<Mistake> mistakes;

    public TemplateRefused(List<Mistake> mistakes) {
        super("template refused: " + mistakes);
        this.mistakes = List.copyOf(mistakes);
    }

    public List<Mistake> mistakes() {
        return mistakes;
    }
}
