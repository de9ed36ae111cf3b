package io.ispflow.platform.web;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/**
 * Reads JSON strings as Jackson does, but refuses one that contains a NUL character ({@code "\u0000"}):
 * PostgreSQL cannot store it. The refusal names the field, like any other wrongly formatted value.
 */
final class TextWithoutNul extends StdScalarDeserializer<String> {

    TextWithoutNul() {
        super(String.class);
    }

    /** A string value the API refuses because it contains NUL. */
    static final class NulInText extends InvalidFormatException {

        NulInText(JsonParser parser, String value) {
            super(parser, "text contains a NUL character", value, String.class);
        }
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String value = StringDeserializer.instance.deserialize(parser, context);
        if (value != null && value.indexOf('\0') >= 0) {
            throw new NulInText(parser, value);
        }
        return value;
    }

    @Override
    public boolean isCachable() {
        return true;
    }
}
