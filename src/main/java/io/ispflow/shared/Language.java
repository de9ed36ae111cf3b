package io.ispflow.shared;

import java.util.Locale;

/** The language a client reads his messages in. */
public enum Language {
    EN, SW;

    /** {@code en}, {@code sw}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return Locale.forLanguageTag(code());
    }
}
