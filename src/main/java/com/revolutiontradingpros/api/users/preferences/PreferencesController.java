package com.revolutiontradingpros.api.users.preferences;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.revolutiontradingpros.api.platform.security.CurrentUser;
import com.revolutiontradingpros.api.platform.web.FieldErrors;

/**
 * Website preferences as one object. The documented keys are the only ones accepted, each with its own check;
 * PUT replaces the whole set (keys left out go back to their defaults).
 */
@RestController
@Tag(name = "Me")
class PreferencesController {

    private static final Set<String> CHANNELS = Set.of("email", "sms", "push");
    private static final Map<String, Preference> KEYS = new LinkedHashMap<>();

    static {
        KEYS.put("theme", new Preference("system", v -> v instanceof String s && Set.of("light", "dark", "system").contains(s),
                "must be light, dark or system"));
        KEYS.put("default_room", new Preference(null, v -> v == null || v instanceof String s && s.matches("[a-z0-9-]{1,80}"),
                "must be a room slug"));
        KEYS.put("alert_channels", new Preference(List.of("email"), v -> v instanceof List<?> list && list.size() <= 3
                && list.stream().allMatch(CHANNELS::contains), "must be a list of email, sms and push"));
        KEYS.put("compact_mode", new Preference(false, v -> v instanceof Boolean, "must be true or false"));
        KEYS.put("show_pnl", new Preference(true, v -> v instanceof Boolean, "must be true or false"));
        KEYS.put("chart_interval", new Preference("5m", v -> v instanceof String s && Set.of("1m", "5m", "15m", "1h", "4h", "1d").contains(s),
                "must be 1m, 5m, 15m, 1h, 4h or 1d"));
    }

    private record Preference(@Nullable Object fallback, Predicate<@Nullable Object> valid, String message) {
    }

    /** For the API docs: the documented preference keys. */
    record PreferenceValues(@Schema(allowableValues = {"light", "dark", "system"}) String theme, @Nullable String defaultRoom,
            @Schema(allowableValues = {"email", "sms", "push"}) List<String> alertChannels, boolean compactMode, boolean showPnl,
            @Schema(allowableValues = {"1m", "5m", "15m", "1h", "4h", "1d"}) String chartInterval) {
    }

    private final Preferences preferences;

    PreferencesController(Preferences preferences) {
        this.preferences = preferences;
    }

    @GetMapping("/me/preferences")
    @Operation(summary = "All your preferences, defaults filled in")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "the preferences",
            content = @Content(schema = @Schema(implementation = PreferenceValues.class)))
    Map<String, @Nullable Object> get(CurrentUser me) {
        var values = new TreeMap<String, @Nullable Object>();
        KEYS.forEach((key, preference) -> values.put(key, preference.fallback()));
        preferences.stored(me.id()).forEach((key, value) -> {
            if (KEYS.containsKey(key)) {
                values.put(key, value);
            }
        });
        return values;
    }

    @PutMapping("/me/preferences")
    @Operation(summary = "Replace your preferences; unknown keys and bad values are 422")
    Map<String, @Nullable Object> put(CurrentUser me, @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            schema = @Schema(implementation = PreferenceValues.class))) @RequestBody Map<String, Object> body) {
        var errors = new FieldErrors();
        body.forEach((key, value) -> {
            var preference = KEYS.get(key);
            if (preference == null) {
                errors.add(key, "is not a known preference");
            } else if (!preference.valid().test(value)) {
                errors.add(key, preference.message());
            }
        });
        errors.throwIfAny();
        preferences.replace(me.id(), body);
        return get(me);
    }
}
