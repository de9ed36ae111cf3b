package io.ispflow.network.web;

import static java.util.Map.entry;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;

import io.ispflow.network.DeliveryLine;
import io.ispflow.network.DeliveryRefused;
import io.ispflow.network.DeliveryRefused.LineError;
import io.ispflow.network.InventoryCategory;

/**
 * A delivery note as CSV: UTF-8, a header row naming the columns (in any order and case; {@code
 * serial_number}, {@code Serial Number} and {@code serialNumber} are the same), then one item a line.
 * Each line is checked as a JSON item would be; every fault is reported with its line (the header is
 * line 1, a line being a CSV record). Blank lines are skipped.
 */
@Component
class DeliveryCsv {

    static final int MAX_BYTES = 1024 * 1024;
    static final int MAX_LINES = 2_000;

    private static final CsvMapper CSV = new CsvMapper();
    private static final Map<String, String> COLUMNS = Map.ofEntries(entry("category", "category"),
            entry("name", "name"), entry("manufacturer", "manufacturer"), entry("model", "model"),
            entry("serialnumber", "serialNumber"), entry("serial", "serialNumber"),
            entry("macaddress", "macAddress"), entry("mac", "macAddress"), entry("purchasedate", "purchaseDate"),
            entry("warrantyexpirydate", "warrantyExpiryDate"), entry("supplier", "supplier"), entry("cost", "cost"),
            entry("location", "location"), entry("notes", "notes"));

    private final Validator validator;

    DeliveryCsv(Validator validator) {
        this.validator = validator;
    }

    /** The lines that can be read as items, and the faults of those that cannot. */
    record Read(List<DeliveryLine> lines, List<LineError> errors) {
    }

    /** The delivery's items and faulty lines; {@link DeliveryRefused} when it has no usable header. */
    Read read(byte[] body) {
        if (body.length > MAX_BYTES) {
            throw new DeliveryTooLarge();
        }
        List<List<String>> rows = rows(text(body));
        if (rows.isEmpty()) {
            throw refused(1, null, "the delivery is empty; it needs a header line and an item a line");
        }
        String[] fields = header(rows.get(0));
        var lines = new ArrayList<DeliveryLine>();
        var errors = new ArrayList<LineError>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            if (row.stream().allMatch(String::isBlank)) {
                continue;
            }
            int line = i + 1;
            if (row.size() > fields.length) {
                errors.add(new LineError(line, null, "has " + row.size() + " values; the header names " + fields.length));
                continue;
            }
            item(line, values(fields, row), errors).ifPresent(lines::add);
        }
        if (lines.isEmpty() && errors.isEmpty()) {
            throw refused(1, null, "the delivery has no items");
        }
        return new Read(lines, errors);
    }

    private static String text(byte[] body) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException notUtf8) {
            throw new DeliveryUnreadable("The delivery is not UTF-8 text.");
        }
    }

    private static List<List<String>> rows(String text) {
        var rows = new ArrayList<List<String>>();
        try (MappingIterator<List<String>> records = CSV.readerForListOf(String.class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(text)) {
            while (records.hasNextValue()) {
                if (rows.size() > MAX_LINES) {
                    throw new DeliveryTooLarge();
                }
                rows.add(records.nextValue());
            }
        } catch (IOException | RuntimeJsonMappingException unreadable) {
            throw refused(rows.size() + 1, null, "is not valid CSV (a quote left open?)");
        }
        return rows;
    }

    /** The field each column fills. */
    private static String[] header(List<String> header) {
        var errors = new ArrayList<LineError>();
        String[] fields = new String[header.size()];
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
            fields[i] = COLUMNS.get(name);
            if (fields[i] == null) {
                errors.add(new LineError(1, null, "column " + (i + 1) + " is not one of "
                        + COLUMNS.values().stream().distinct().sorted().toList()));
            } else if (Arrays.asList(fields).subList(0, i).contains(fields[i])) {
                errors.add(new LineError(1, fields[i], "is named twice"));
            }
        }
        if (errors.isEmpty() && !Arrays.asList(fields).contains("category")) {
            errors.add(new LineError(1, "category", "a category column is required"));
        }
        if (!errors.isEmpty()) {
            throw new DeliveryRefused(errors);
        }
        return fields;
    }

    private static Map<String, String> values(String[] fields, List<String> row) {
        var values = new HashMap<String, String>();
        for (int i = 0; i < row.size(); i++) {
            String value = row.get(i).strip();
            values.put(fields[i], value.isEmpty() ? null : value);
        }
        return values;
    }

    private java.util.Optional<DeliveryLine> item(int line, Map<String, String> values, List<LineError> errors) {
        int before = errors.size();
        values.forEach((field, value) -> {
            if (value != null && value.indexOf('\0') >= 0) {
                errors.add(new LineError(line, field, "must not contain NUL characters"));
            }
        });
        InventoryCategory category = values.get("category") == null ? null
                : InventoryCategory.fromText(values.get("category")).orElse(null);
        if (values.get("category") != null && category == null) {
            errors.add(new LineError(line, "category", "must be one of "
                    + Arrays.stream(InventoryCategory.values()).map(InventoryCategory::db).toList()));
        }
        var request = new InventoryItemRequest(category, values.get("name"), values.get("manufacturer"),
                values.get("model"), values.get("serialNumber"), values.get("macAddress"),
                date(line, "purchaseDate", values, errors), date(line, "warrantyExpiryDate", values, errors),
                values.get("supplier"), cost(line, values, errors), values.get("location"), values.get("notes"));
        validator.validate(request, InventoryItemRequest.Creation.class).stream()
                .filter(v -> category != null || values.get("category") == null
                        || !v.getPropertyPath().toString().equals("category"))
                .forEach(v -> errors.add(new LineError(line, v.getPropertyPath().toString(), v.getMessage())));
        return errors.size() > before ? java.util.Optional.empty()
                : java.util.Optional.of(new DeliveryLine(line, category, request.details()));
    }

    private static LocalDate date(int line, String field, Map<String, String> values, List<LineError> errors) {
        try {
            return values.get(field) == null ? null : LocalDate.parse(values.get(field));
        } catch (DateTimeParseException notADate) {
            errors.add(new LineError(line, field, "must be a date such as 2026-12-01"));
            return null;
        }
    }

    private static BigDecimal cost(int line, Map<String, String> values, List<LineError> errors) {
        try {
            String cost = values.get("cost");
            if (cost != null && cost.length() > 20) {
                throw new NumberFormatException("too long");
            }
            return cost == null ? null : new BigDecimal(cost);
        } catch (NumberFormatException notANumber) {
            errors.add(new LineError(line, "cost", "must be an amount such as 4500.00"));
            return null;
        }
    }

    private static DeliveryRefused refused(int line, String field, String message) {
        return new DeliveryRefused(List.of(new LineError(line, field, message)));
    }
}
