package com.revolutiontradingpros.api.platform.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * A JSON merge patch body read field by field: {@link #has} tells a field left out (kept) from one sent as null
 * (cleared). Every getter records what is wrong instead of throwing, so one 422 lists all problems.
 */
public final class Patch {

    private final Map<String, @Nullable Object> body;
    private final FieldErrors errors = new FieldErrors();

    public Patch(Map<String, @Nullable Object> body, Collection<String> fields) {
        this.body = body;
        new TreeSet<>(body.keySet()).stream().filter(key -> !fields.contains(key))
                .forEach(key -> errors.add(key, "is not a field of this resource"));
    }

    public boolean has(String field) {
        return body.containsKey(field);
    }

    public boolean isNull(String field) {
        return body.containsKey(field) && body.get(field) == null;
    }

    public FieldErrors errors() {
        return errors;
    }

    /** The text, stripped; null when absent, null or wrong. Required fields also refuse blanks. */
    public @Nullable String text(String field, int min, int max) {
        Object value = body.get(field);
        if (value == null) {
            if (min > 0 && body.containsKey(field)) {
                errors.add(field, "must not be null");
            }
            return null;
        }
        if (!(value instanceof String text)) {
            errors.add(field, "must be a string");
            return null;
        }
        String stripped = text.strip();
        int length = stripped.codePointCount(0, stripped.length());
        if (length < min) {
            errors.add(field, min == 1 ? "must not be blank" : "must be at least " + min + " characters");
            return null;
        }
        if (length > max) {
            errors.add(field, "must be at most " + max + " characters");
            return null;
        }
        return stripped;
    }

    /** A text that must be one of the values. */
    public @Nullable String oneOf(String field, Set<String> values) {
        String text = text(field, 1, 100);
        if (text != null && !values.contains(text)) {
            errors.add(field, "must be one of " + String.join(", ", new TreeSet<>(values)));
            return null;
        }
        return text;
    }

    public @Nullable Long id(String field) {
        Object value = body.get(field);
        if (value == null) {
            return null;
        }
        if (value instanceof Integer || value instanceof Long) {
            long id = ((Number) value).longValue();
            if (id > 0) {
                return id;
            }
        }
        errors.add(field, "must be a positive integer id");
        return null;
    }

    public @Nullable Integer integer(String field, int min, int max) {
        Object value = body.get(field);
        if (value == null) {
            return null;
        }
        if (value instanceof Integer number && number >= min && number <= max) {
            return number;
        }
        errors.add(field, "must be an integer from " + min + " to " + max);
        return null;
    }

    /** A number from min to max, integer or decimal; null when absent. */
    public java.math.@Nullable BigDecimal decimal(String field, double min, double max) {
        Object value = body.get(field);
        if (value == null) {
            return null;
        }
        if (value instanceof Number number && !(value instanceof Double d && (d.isNaN() || d.isInfinite()))) {
            var decimal = new java.math.BigDecimal(number.toString());
            if (decimal.doubleValue() >= min && decimal.doubleValue() <= max) {
                return decimal;
            }
        }
        errors.add(field, "must be a number from " + min + " to " + max);
        return null;
    }

    public @Nullable Boolean bool(String field) {
        Object value = body.get(field);
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        errors.add(field, "must be true or false");
        return null;
    }

    /** A list of distinct positive ids, at most {@code max}; null when absent. */
    public @Nullable List<Long> ids(String field, int max) {
        var list = list(field, max, "ids", "ids");
        if (list == null) {
            return null;
        }
        var ids = new ArrayList<Long>();
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            if ((item instanceof Integer || item instanceof Long) && ((Number) item).longValue() > 0) {
                long id = ((Number) item).longValue();
                if (!ids.contains(id)) {
                    ids.add(id);
                }
            } else {
                errors.add(field + "[" + i + "]", "must be a positive integer id");
            }
        }
        return ids;
    }

    /** A list of texts, each 1 to {@code maxLength} characters after stripping, at most {@code max} items. */
    public @Nullable List<String> texts(String field, int max, int maxLength) {
        var list = list(field, max, "strings", "items");
        if (list == null) {
            return null;
        }
        var texts = new ArrayList<String>();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof String text && !text.isBlank() && text.strip().length() <= maxLength) {
                texts.add(text.strip());
            } else {
                errors.add(field + "[" + i + "]", "must be 1 to " + maxLength + " characters");
            }
        }
        return texts;
    }

    /** The JSON list sent for the field, at most {@code max} long; null (with the problem noted) otherwise. */
    private @Nullable List<?> list(String field, int max, String of, String counted) {
        Object value = body.get(field);
        if (value == null) {
            if (body.containsKey(field)) {
                errors.add(field, "must be a list (send [] to clear)");
            }
            return null;
        }
        if (!(value instanceof List<?> list)) {
            errors.add(field, "must be a list of " + of);
            return null;
        }
        if (list.size() > max) {
            errors.add(field, "must hold at most " + max + " " + counted);
            return null;
        }
        return list;
    }

    /** The raw JSON value (a map, list, string, number, boolean or null). */
    public @Nullable Object raw(String field) {
        return body.get(field);
    }
}
