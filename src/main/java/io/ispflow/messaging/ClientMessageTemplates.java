package io.ispflow.messaging;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wording of client messages in one language, checked when read: every purpose has a text, and
 * every template names only the placeholders its purpose declares.
 */
final class ClientMessageTemplates {

    static final String FILES = "messaging/client-messages";
    private static final String SUBJECT = ".subject";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    private final Map<String, String> templates = new HashMap<>();
    private final DateTimeFormatter days;

    /** {@code messaging/client-messages.properties} for English, {@code ..._sw.properties} for Swahili. */
    static ClientMessageTemplates load(Locale language) {
        String file = FILES + (language.getLanguage().equals("en") ? "" : "_" + language.getLanguage()) + ".properties";
        var resource = ClientMessageTemplates.class.getClassLoader().getResourceAsStream(file);
        if (resource == null) {
            throw new IllegalStateException("no client message templates " + file);
        }
        var properties = new Properties();
        try (var reader = new InputStreamReader(resource, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(file, e);
        }
        return new ClientMessageTemplates(language, properties);
    }

    ClientMessageTemplates(Locale language, Properties properties) {
        this.days = DateTimeFormatter.ofPattern("d MMM yyyy", language);
        properties.stringPropertyNames().forEach(key -> templates.put(key, properties.getProperty(key)));
        for (var key : templates.keySet()) {
            check(key, purposeOf(key));
        }
        for (var purpose : MessagePurpose.values()) {
            if (!templates.containsKey(purpose.templateKey())) {
                throw new IllegalStateException("no client message template for " + purpose.templateKey());
            }
        }
    }

    String text(MessagePurpose purpose, Map<String, ?> values) {
        return fill(purpose, templates.get(purpose.templateKey()), values);
    }

    Optional<String> subject(MessagePurpose purpose, Map<String, ?> values) {
        return Optional.ofNullable(templates.get(purpose.templateKey() + SUBJECT))
                .map(template -> fill(purpose, template, values));
    }

    private void check(String key, MessagePurpose purpose) {
        Matcher placeholder = PLACEHOLDER.matcher(templates.get(key));
        while (placeholder.find()) {
            if (!purpose.placeholders().contains(placeholder.group(1))) {
                throw new IllegalStateException("client message template " + key + " names {" + placeholder.group(1)
                        + "}, which " + purpose + " does not declare; it declares " + purpose.placeholders());
            }
        }
    }

    private static MessagePurpose purposeOf(String key) {
        String purposeKey = key.endsWith(SUBJECT) ? key.substring(0, key.length() - SUBJECT.length()) : key;
        for (var purpose : MessagePurpose.values()) {
            if (purpose.templateKey().equals(purposeKey)) {
                return purpose;
            }
        }
        throw new IllegalStateException("client message template " + key + " belongs to no purpose");
    }

    private String fill(MessagePurpose purpose, String template, Map<String, ?> values) {
        for (var name : values.keySet()) {
            if (!purpose.placeholders().contains(name)) {
                throw new IllegalArgumentException(purpose + " has no placeholder " + name);
            }
        }
        Matcher placeholder = PLACEHOLDER.matcher(template);
        var text = new StringBuilder();
        while (placeholder.find()) {
            String name = placeholder.group(1);
            if (values.get(name) == null) {
                throw new IllegalArgumentException(purpose + " needs a value for " + name);
            }
            placeholder.appendReplacement(text, Matcher.quoteReplacement(format(values.get(name))));
        }
        placeholder.appendTail(text);
        return text.toString();
    }

    private String format(Object value) {
        if (value instanceof BigDecimal amount) {
            return amount.toPlainString();
        }
        if (value instanceof LocalDate day) {
            return days.format(day);
        }
        return value.toString();
    }
}
