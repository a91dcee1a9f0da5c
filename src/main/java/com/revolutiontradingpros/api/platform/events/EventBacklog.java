package com.revolutiontradingpros.api.platform.events;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a listener has not finished yet, from the event publication registry: how a module reports the lag of work it
 * does from events (search indexing, for one) without reading the registry's table itself.
 */
@Component
public class EventBacklog {

    private final JdbcClient jdbc;

    EventBacklog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Backlog(long pending, @Nullable Instant oldest) {
    }

    /** Incomplete publications whose listener is a method of this class. */
    public Backlog of(Class<?> listener) {
        return jdbc.sql("""
                SELECT count(*) AS pending, min(publication_date) AS oldest FROM event_publication
                WHERE completion_date IS NULL AND listener_id LIKE :prefix""")
                .param("prefix", listener.getName().replace("_", "\\_") + ".%")
                .query((rs, n) -> new Backlog(rs.getLong("pending"),
                        rs.getTimestamp("oldest") == null ? null : rs.getTimestamp("oldest").toInstant()))
                .single();
    }
}
