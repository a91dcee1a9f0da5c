package com.revolutiontradingpros.api.users.profiles;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** The profile fields the users module keeps about an account. */
public record Profile(@Nullable String displayName, @Nullable String avatarKey, @Nullable String bio, @Nullable String timezone,
        @Nullable String locale, @Nullable String phone, @Nullable String country, @Nullable String tradingExperience,
        @Nullable String tradingviewUsername, @Nullable String thinkorswimUsername, boolean marketingOptIn, @Nullable String websiteUrl,
        Map<String, String> socialLinks) {

    public static final Profile EMPTY = new Profile(null, null, null, null, null, null, null, null, null, null, false, null, Map.of());

    /** The editable fields by their JSON names, for diffs in the activity log. */
    public Map<String, @Nullable Object> fields() {
        var map = new LinkedHashMap<String, @Nullable Object>();
        map.put("display_name", displayName);
        map.put("bio", bio);
        map.put("timezone", timezone);
        map.put("locale", locale);
        map.put("phone", phone);
        map.put("country", country);
        map.put("trading_experience", tradingExperience);
        map.put("tradingview_username", tradingviewUsername);
        map.put("thinkorswim_username", thinkorswimUsername);
        map.put("marketing_opt_in", marketingOptIn);
        map.put("website_url", websiteUrl);
        map.put("social_links", socialLinks);
        return map;
    }
}
