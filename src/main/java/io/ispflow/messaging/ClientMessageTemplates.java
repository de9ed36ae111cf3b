package io.ispflow.messaging;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The platform's wording of client messages in one language, checked when read: every purpose has a
 * text, and every template names only the placeholders its purpose declares. Also fills templates (a
 * company's own too) in the language's way of writing amounts and days.
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

    /** The platform's wording of the purpose's text. */
    String body(MessagePurpose purpose) {
        return templates.get(purpose.templateKey());
    }

    /** The platform's wording of the purpose's e-mail subject, if it has one. */
    Optional<String> subject(MessagePurpose purpose) {
        return Optional.ofNullable(templates.get(purpose.templateKey() + SUBJECT));
    }

    /** What is wrong with a template for the purpose: placeholders it does not declare, stray braces. */
    static List<String> mistakes(MessagePurpose purpose, String template) {
        var mistakes = new ArrayList<String>();
        Matcher placeholder = PLACEHOLDER.matcher(template);
        while (placeholder.find()) {
            if (!purpose.placeholders().contains(placeholder.group(1))) {
                mistakes.add("{" + placeholder.group(1) + "} is no placeholder of " + purpose.templateKey()
                        + "; it has " + new TreeSet<>(purpose.placeholders()));
            }
        }
        String outside = PLACEHOLDER.matcher(template).replaceAll("");
        if (outside.indexOf('{') >= 0 || outside.indexOf('}') >= 0) {
            mistakes.add("a brace is not part of a {placeholder}");
        }
        return mistakes;
    }

    private void check(String key, MessagePurpose purpose) {
        List<String> mistakes = mistakes(purpose, templates.get(key));
        if (!mistakes.isEmpty()) {
            throw new IllegalStateException("client message template " + key + ": " + String.join("; ", mistakes));
        }
    }

    private static MessagePurpose purposeOf(String key) {
        String purposeKey = key.endsWith(SUBJECT) ? key.substring(0, key.length() - SUBJECT.length()) : key;
        return MessagePurpose.ofTemplateKey(purposeKey).orElseThrow(
                () -> new IllegalStateException("client message template " + key + " belongs to no purpose"));
    }

    /** The template with the values put in, amounts plain and days as {@code 1 Nov 2026} in this language. */
    String fill(MessagePurpose purpose, String template, Map<String, ?> values) {
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
