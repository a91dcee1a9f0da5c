package com.revolutiontradingpros.api.users.tags;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.revolutiontradingpros.api.platform.web.FieldErrors;

/** Tags: lowercase, trimmed, 1 to 50 characters, at most 50 per user. */
@Repository
public class UserTags {

    static final int MAX_PER_USER = 50;

    private final JdbcClient jdbc;

    UserTags(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<String> of(long userId) {
        return jdbc.sql("SELECT tag FROM user_tags WHERE user_id = :user ORDER BY tag").param("user", userId).query(String.class).list();
    }

    /** The tags of many users in one query. */
    public Map<Long, List<String>> of(Collection<Long> userIds) {
        var byUser = new HashMap<Long, List<String>>();
        jdbc.sql("SELECT user_id, tag FROM user_tags WHERE user_id = ANY (:ids) ORDER BY tag")
                .param("ids", userIds.toArray(Long[]::new))
                .query((rs, n) -> Map.entry(rs.getLong("user_id"), rs.getString("tag"))).list()
                .forEach(entry -> byUser.computeIfAbsent(entry.getKey(), id -> new ArrayList<>()).add(entry.getValue()));
        return byUser;
    }

    public List<Long> usersWith(String tag) {
        return jdbc.sql("SELECT user_id FROM user_tags WHERE tag = :tag").param("tag", normalise(tag)).query(Long.class).list();
    }

    /** Adds one tag (no error if present); false when the user already has the most tags allowed. */
    public boolean add(long userId, String tag) {
        return jdbc.sql("INSERT INTO user_tags (user_id, tag) SELECT :user, :tag "
                        + "WHERE (SELECT count(*) FROM user_tags WHERE user_id = :user) < :max ON CONFLICT DO NOTHING")
                .param("user", userId).param("tag", normalise(tag)).param("max", MAX_PER_USER).update() > 0
                || of(userId).contains(normalise(tag));
    }

    public void remove(long userId, String tag) {
        jdbc.sql("DELETE FROM user_tags WHERE user_id = :user AND tag = :tag").param("user", userId).param("tag", normalise(tag)).update();
    }

    /** Replaces the user's tags after checking every one; returns them as stored. */
    public List<String> replace(long userId, List<String> tags) {
        var errors = new FieldErrors();
        Set<String> clean = new TreeSet<>();
        for (int i = 0; i < tags.size(); i++) {
            String tag = tags.get(i) == null ? "" : normalise(tags.get(i));
            if (tag.isEmpty() || tag.length() > 50) {
                errors.add("tags[" + i + "]", "must be 1 to 50 characters");
            } else {
                clean.add(tag);
            }
        }
        if (clean.size() > MAX_PER_USER) {
            errors.add("tags", "at most " + MAX_PER_USER + " tags");
        }
        errors.throwIfAny();
        jdbc.sql("DELETE FROM user_tags WHERE user_id = :user").param("user", userId).update();
        clean.forEach(tag -> jdbc.sql("INSERT INTO user_tags (user_id, tag) VALUES (:user, :tag)").param("user", userId).param("tag", tag).update());
        return List.copyOf(clean);
    }

    static String normalise(String tag) {
        return tag.strip().toLowerCase(Locale.ROOT);
    }
}
