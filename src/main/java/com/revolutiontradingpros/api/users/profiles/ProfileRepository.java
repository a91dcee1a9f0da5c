package com.revolutiontradingpros.api.users.profiles;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class ProfileRepository {

    private static final TypeReference<Map<String, String>> LINKS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ProfileRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    private static final String COLUMNS = """
            SELECT user_id, display_name, avatar_key, bio, timezone, locale, phone, country, trading_experience,
                   tradingview_username, thinkorswim_username, marketing_opt_in, website_url, social_links
            FROM user_profiles""";

    public Profile find(long userId) {
        return jdbc.sql(COLUMNS + " WHERE user_id = :user").param("user", userId)
                .query((rs, n) -> profile(rs)).optional().orElse(Profile.EMPTY);
    }

    /** The stored profiles among the ids, by user id. */
    public Map<Long, Profile> findAll(Collection<Long> userIds) {
        var found = new HashMap<Long, Profile>();
        if (!userIds.isEmpty()) {
            jdbc.sql(COLUMNS + " WHERE user_id IN (:users)").param("users", userIds)
                    .query((RowCallbackHandler) rs -> found.put(rs.getLong("user_id"), profile(rs)));
        }
        return found;
    }

    private Profile profile(ResultSet rs) throws SQLException {
        return new Profile(rs.getString("display_name"), rs.getString("avatar_key"), rs.getString("bio"),
                rs.getString("timezone"), rs.getString("locale"), rs.getString("phone"), rs.getString("country"),
                rs.getString("trading_experience"), rs.getString("tradingview_username"), rs.getString("thinkorswim_username"),
                rs.getBoolean("marketing_opt_in"), rs.getString("website_url"), new TreeMap<>(json.readValue(rs.getString("social_links"), LINKS)));
    }

    /** Sets (or clears, with null) the avatar key and returns the previous one. */
    public @Nullable String setAvatar(long userId, @Nullable String key) {
        String previous = find(userId).avatarKey();
        jdbc.sql("""
                INSERT INTO user_profiles (user_id, avatar_key) VALUES (:user, :key)
                ON CONFLICT (user_id) DO UPDATE SET avatar_key = EXCLUDED.avatar_key, updated_at = now()""")
                .param("user", userId).param("key", key).update();
        return previous;
    }

    public void save(long userId, Profile profile) {
        jdbc.sql("""
                INSERT INTO user_profiles (user_id, display_name, avatar_key, bio, timezone, locale, phone, country, trading_experience,
                                           tradingview_username, thinkorswim_username, marketing_opt_in, website_url, social_links, updated_at)
                VALUES (:user, :displayName, :avatar, :bio, :timezone, :locale, :phone, :country, :experience, :tradingview,
                        :thinkorswim, :optIn, :website, CAST(:social AS jsonb), now())
                ON CONFLICT (user_id) DO UPDATE SET display_name = EXCLUDED.display_name, avatar_key = EXCLUDED.avatar_key,
                    bio = EXCLUDED.bio, timezone = EXCLUDED.timezone, locale = EXCLUDED.locale, phone = EXCLUDED.phone,
                    country = EXCLUDED.country, trading_experience = EXCLUDED.trading_experience,
                    tradingview_username = EXCLUDED.tradingview_username, thinkorswim_username = EXCLUDED.thinkorswim_username,
                    marketing_opt_in = EXCLUDED.marketing_opt_in, website_url = EXCLUDED.website_url,
                    social_links = EXCLUDED.social_links, updated_at = now()""")
                .param("user", userId).param("displayName", profile.displayName()).param("avatar", profile.avatarKey())
                .param("bio", profile.bio()).param("timezone", profile.timezone()).param("locale", profile.locale())
                .param("phone", profile.phone()).param("country", profile.country()).param("experience", profile.tradingExperience())
                .param("tradingview", profile.tradingviewUsername()).param("thinkorswim", profile.thinkorswimUsername())
                .param("optIn", profile.marketingOptIn()).param("website", profile.websiteUrl())
                .param("social", json.writeValueAsString(profile.socialLinks()))
                .update();
    }
}
