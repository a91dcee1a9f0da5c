package com.revolutiontradingpros.api.users.profiles;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import com.revolutiontradingpros.api.platform.web.FieldErrors;

/**
 * A partial update of /me as JSON merge patch: a field left out stays, a field set to null is cleared (name cannot
 * be). Every field is checked and all problems are reported together.
 */
public final class ProfilePatch {

    private static final Set<String> FIELDS = Set.of("name", "display_name", "bio", "timezone", "locale", "phone", "country",
            "trading_experience", "tradingview_username", "thinkorswim_username", "marketing_opt_in", "website_url", "social_links");
    private static final Set<String> EXPERIENCE = Set.of("beginner", "intermediate", "advanced", "professional");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern PHONE = Pattern.compile("^\\+[1-9][0-9]{6,14}$");
    private static final Pattern HANDLE = Pattern.compile("^[A-Za-z0-9_.-]{1,50}$");

    private ProfilePatch() {
    }

    /** The new profile and name after the patch, or a 422 with every field error. */
    public static Result apply(Map<String, Object> patch, Profile current, String currentName) {
        var errors = new FieldErrors();
        patch.keySet().stream().filter(key -> !FIELDS.contains(key)).sorted()
                .forEach(key -> errors.add(key, "is not a field of your profile"));
        String name = currentName;
        if (patch.containsKey("name")) {
            name = text(patch, "name", 100, errors);
            if (name == null || name.isBlank()) {
                errors.add("name", "must not be blank");
            }
        }
        var profile = new Profile(
                patch.containsKey("display_name") ? text(patch, "display_name", 60, errors) : current.displayName(),
                current.avatarKey(),
                patch.containsKey("bio") ? text(patch, "bio", 1000, errors) : current.bio(),
                patch.containsKey("timezone") ? timezone(text(patch, "timezone", 64, errors), errors) : current.timezone(),
                patch.containsKey("locale") ? locale(text(patch, "locale", 35, errors), errors) : current.locale(),
                patch.containsKey("phone") ? matching(patch, "phone", PHONE, "must be in international form, such as +12125550123", errors) : current.phone(),
                patch.containsKey("country") ? country(text(patch, "country", 2, errors), errors) : current.country(),
                patch.containsKey("trading_experience") ? experience(text(patch, "trading_experience", 20, errors), errors) : current.tradingExperience(),
                patch.containsKey("tradingview_username") ? matching(patch, "tradingview_username", HANDLE,
                        "must be 1 to 50 letters, digits, dots, dashes or underscores", errors) : current.tradingviewUsername(),
                patch.containsKey("thinkorswim_username") ? matching(patch, "thinkorswim_username", HANDLE,
                        "must be 1 to 50 letters, digits, dots, dashes or underscores", errors) : current.thinkorswimUsername(),
                patch.containsKey("marketing_opt_in") ? bool(patch, "marketing_opt_in", errors) : current.marketingOptIn(),
                patch.containsKey("website_url") ? ProfileLinks.website(patch.get("website_url"), errors) : current.websiteUrl(),
                patch.containsKey("social_links") ? ProfileLinks.social(patch.get("social_links"), current.socialLinks(), errors)
                        : current.socialLinks());
        errors.throwIfAny();
        return new Result(name == null ? currentName : name.strip(), profile);
    }

    public record Result(String name, Profile profile) {
    }

    private static @Nullable String text(Map<String, Object> patch, String field, int max, FieldErrors errors) {
        Object value = patch.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            errors.add(field, "must be a string");
            return null;
        }
        String stripped = text.strip();
        if (stripped.codePointCount(0, stripped.length()) > max) {
            errors.add(field, "must be at most " + max + " characters");
            return null;
        }
        return stripped.isEmpty() ? null : stripped;
    }

    private static @Nullable String matching(Map<String, Object> patch, String field, Pattern pattern, String message, FieldErrors errors) {
        String value = text(patch, field, 64, errors);
        if (value != null && !pattern.matcher(value).matches()) {
            errors.add(field, message);
            return null;
        }
        return value;
    }

    private static @Nullable String timezone(@Nullable String value, FieldErrors errors) {
        if (value == null) {
            return null;
        }
        try {
            if (!value.contains("/") && !value.equals("UTC")) {
                throw new DateTimeException("not a region");
            }
            return ZoneId.of(value).getId();
        } catch (DateTimeException e) {
            errors.add("timezone", "must be an IANA time zone such as America/New_York");
            return null;
        }
    }

    private static @Nullable String locale(@Nullable String value, FieldErrors errors) {
        if (value == null) {
            return null;
        }
        try {
            var locale = new Locale.Builder().setLanguageTag(value).build();
            if (locale.getLanguage().isEmpty()) {
                throw new IllformedLocaleException("no language");
            }
            return locale.toLanguageTag();
        } catch (IllformedLocaleException e) {
            errors.add("locale", "must be a language tag such as en or en-US");
            return null;
        }
    }

    private static @Nullable String country(@Nullable String value, FieldErrors errors) {
        if (value == null) {
            return null;
        }
        String upper = value.toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(upper)) {
            errors.add("country", "must be an ISO 3166 country code such as US");
            return null;
        }
        return upper;
    }

    private static @Nullable String experience(@Nullable String value, FieldErrors errors) {
        if (value != null && !EXPERIENCE.contains(value)) {
            errors.add("trading_experience", "must be beginner, intermediate, advanced or professional");
            return null;
        }
        return value;
    }

    private static boolean bool(Map<String, Object> patch, String field, FieldErrors errors) {
        if (patch.get(field) instanceof Boolean value) {
            return value;
        }
        errors.add(field, "must be true or false");
        return false;
    }

    /** The fields a patch changed, each as {from, to}, for the activity log. */
    public static Map<String, Object> changes(Profile before, String nameBefore, ProfilePatch.Result after) {
        var changes = new LinkedHashMap<String, Object>();
        if (!nameBefore.equals(after.name())) {
            changes.put("name", change(nameBefore, after.name()));
        }
        var old = before.fields();
        after.profile().fields().forEach((field, value) -> {
            if (!Objects.equals(old.get(field), value)) {
                changes.put(field, change(old.get(field), value));
            }
        });
        return changes;
    }

    private static Map<String, @Nullable Object> change(@Nullable Object from, @Nullable Object to) {
        var change = new HashMap<String, @Nullable Object>();
        change.put("from", from);
        change.put("to", to);
        return change;
    }
}
