package com.revolutiontradingpros.api.users.notifications;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The switches a member changed from their defaults, keyed {@code channel/topic}. */
@Repository
class NotificationSettings {

    private final JdbcClient jdbc;

    NotificationSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, Boolean> stored(long userId) {
        var stored = new HashMap<String, Boolean>();
        jdbc.sql("SELECT channel, topic, enabled FROM notification_settings WHERE user_id = :user").param("user", userId)
                .query((rs, n) -> Map.entry(rs.getString("channel") + "/" + rs.getString("topic"), rs.getBoolean("enabled")))
                .list().forEach(entry -> stored.put(entry.getKey(), entry.getValue()));
        return stored;
    }

    @Transactional
    void save(long userId, List<NotificationSettingsController.Switch> switches) {
        for (var setting : switches) {
            jdbc.sql("""
                    INSERT INTO notification_settings (user_id, channel, topic, enabled) VALUES (:user, :channel, :topic, :enabled)
                    ON CONFLICT (user_id, channel, topic) DO UPDATE SET enabled = EXCLUDED.enabled""")
                    .param("user", userId).param("channel", setting.channel()).param("topic", setting.topic())
                    .param("enabled", setting.enabled()).update();
        }
    }
}
