package com.revolutiontradingpros.api.users.preferences;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Stored preference values by key, as JSON. */
@Repository
class Preferences {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Preferences(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Map<String, Object> stored(long userId) {
        var values = new java.util.HashMap<String, Object>();
        jdbc.sql("SELECT key, value::text AS value FROM user_preferences WHERE user_id = :user").param("user", userId)
                .query((rs, n) -> Map.entry(rs.getString("key"), rs.getString("value"))).list()
                .forEach(entry -> values.put(entry.getKey(), json.readValue(entry.getValue(), Object.class)));
        return values;
    }

    @Transactional
    void replace(long userId, Map<String, Object> values) {
        jdbc.sql("DELETE FROM user_preferences WHERE user_id = :user").param("user", userId).update();
        values.forEach((key, value) -> jdbc.sql("INSERT INTO user_preferences (user_id, key, value) VALUES (:user, :key, CAST(:value AS jsonb))")
                .param("user", userId).param("key", key).param("value", json.writeValueAsString(value)).update());
    }
}
