package io.ispflow.tenancy;

/** Another company has this slug already. */
public class SlugTaken extends RuntimeException {

    public SlugTaken(String slug) {
        super("Another company has the slug " + slug + ". Choose another one.");
    }
}
