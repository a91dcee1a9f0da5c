package com.revolutiontradingpros.api.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** Collects field errors in the order they are found, for a single 422 answer. */
public final class FieldErrors {

    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    public FieldErrors add(String field, String message) {
        errors.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /**
     * A query bound given as a date ({@code 2026-11-25}, meaning its start in UTC) or an RFC 3339 time; null when
     * absent, and a field error when it is neither.
     */
    public @Nullable Instant instant(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC) : Instant.parse(value);
        } catch (DateTimeParseException e) {
            add(field, "must be a date (YYYY-MM-DD) or an RFC 3339 time");
            return null;
        }
    }

    /** A calendar day ({@code 2026-11-25}); null when absent, and a field error when it is not one. */
    public @Nullable LocalDate date(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            add(field, "must be a date like 2026-11-25");
            return null;
        }
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
    }

    /** Java property path to the snake_case JSON path clients sent: {@code items[0].productId -> items[0].product_id}. */
    public static String jsonPath(String javaPath) {
        var out = new StringBuilder(javaPath.length() + 8);
        for (int i = 0; i < javaPath.length(); i++) {
            char c = javaPath.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0 && javaPath.charAt(i - 1) != '.') {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
