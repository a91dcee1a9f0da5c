package com.revolutiontradingpros.api.users.notifications;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.revolutiontradingpros.api.platform.security.CurrentUser;
import com.revolutiontradingpros.api.platform.web.FieldErrors;

/** Which topics reach a member on which channel. Security email cannot be turned off. */
@RestController
@Tag(name = "Me")
class NotificationSettingsController {

    static final List<String> CHANNELS = List.of("email", "sms", "push");
    static final List<String> TOPICS = List.of("alerts", "room_start", "course_update", "newsletter", "billing", "security");

    private final NotificationSettings settings;

    NotificationSettingsController(NotificationSettings settings) {
        this.settings = settings;
    }

    record Setting(@Schema(allowableValues = {"email", "sms", "push"}) String channel,
            @Schema(allowableValues = {"alerts", "room_start", "course_update", "newsletter", "billing", "security"}) String topic,
            boolean enabled, boolean locked) {
    }

    record Switch(@NotNull String channel, @NotNull String topic, @NotNull Boolean enabled) {
    }

    record Update(@NotNull @Size(max = 18) List<@Valid @NotNull Switch> settings) {
    }

    @GetMapping("/me/notifications/settings")
    @Operation(summary = "Every channel × topic switch, defaults filled in; locked ones cannot be changed")
    List<Setting> get(CurrentUser me) {
        var stored = settings.stored(me.id());
        var all = new ArrayList<Setting>();
        for (String channel : CHANNELS) {
            for (String topic : TOPICS) {
                boolean locked = locked(channel, topic);
                boolean enabled = locked || stored.getOrDefault(channel + "/" + topic, "email".equals(channel));
                all.add(new Setting(channel, topic, enabled, locked));
            }
        }
        return all;
    }

    @PutMapping("/me/notifications/settings")
    @Operation(summary = "Change switches; the ones not sent stay as they are; turning security email off is 422")
    List<Setting> put(CurrentUser me, @Valid @RequestBody Update body) {
        var errors = new FieldErrors();
        for (int i = 0; i < body.settings().size(); i++) {
            var setting = body.settings().get(i);
            if (!CHANNELS.contains(setting.channel())) {
                errors.add("settings[" + i + "].channel", "must be email, sms or push");
            }
            if (!TOPICS.contains(setting.topic())) {
                errors.add("settings[" + i + "].topic", "must be one of " + String.join(", ", TOPICS));
            }
            if (locked(setting.channel(), setting.topic()) && !setting.enabled()) {
                errors.add("settings[" + i + "].enabled", "security email cannot be turned off");
            }
        }
        errors.throwIfAny();
        settings.save(me.id(), body.settings());
        return get(me);
    }

    private static boolean locked(String channel, String topic) {
        return "email".equals(channel) && "security".equals(topic);
    }
}
