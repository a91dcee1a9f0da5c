package com.revolutiontradingpros.api.email.contacts;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The contact's change log (email_subscriber_changes): who changed what, shown in the contact's activity. */
@Repository
public class ContactChanges {

    /** Who made a change: staff, the person themselves (recipient), the system, the provider, an import, a workflow. */
    public enum Actor {
        STAFF, RECIPIENT, SYSTEM, PROVIDER, IMPORT, WORKFLOW
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ContactChanges(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void record(long contactId, Actor actor, @Nullable Long actorId, String action, Map<String, ?> detail) {
        jdbc.sql("""
                INSERT INTO email_subscriber_changes (subscriber_id, actor_kind, actor_id, action, detail)
                VALUES (:contact, :kind, :actor, :action, CAST(:detail AS jsonb))""")
                .param("contact", contactId).param("kind", actor.name().toLowerCase(java.util.Locale.ROOT)).param("actor", actorId)
                .param("action", action).param("detail", json.writeValueAsString(detail)).update();
    }
}
