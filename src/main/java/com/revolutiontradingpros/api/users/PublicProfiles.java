package com.revolutiontradingpros.api.users;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import com.revolutiontradingpros.api.auth.Accounts;
import com.revolutiontradingpros.api.platform.text.Slugs;
import com.revolutiontradingpros.api.users.avatar.Avatars;
import com.revolutiontradingpros.api.users.profiles.ProfileRepository;

/**
 * What the public may see of a person who writes for the site (an author byline or profile page): display
 * name, avatar, bio, website and social links, and a slug. Never an email address or anything private.
 */
@Service
public class PublicProfiles {

    private final Accounts accounts;
    private final ProfileRepository profiles;
    private final Avatars avatars;

    PublicProfiles(Accounts accounts, ProfileRepository profiles, Avatars avatars) {
        this.accounts = accounts;
        this.profiles = profiles;
        this.avatars = avatars;
    }

    /**
     * @param slug the display name's slug and the id ({@code jane-doe-42}): stable for the person, readable in URLs
     * @param avatarUrl a signed link valid an hour, null without an avatar
     */
    public record PublicProfile(long id, String slug, String displayName, @Nullable String avatarUrl, @Nullable String bio,
            @Nullable String websiteUrl, Map<String, String> socialLinks) {
    }

    /** The profiles of the active accounts among the ids. */
    public Map<Long, PublicProfile> find(Collection<Long> ids) {
        var found = new HashMap<Long, PublicProfile>();
        var byId = profiles.findAll(ids);
        accounts.findAll(ids).values().stream().filter(account -> account.status().equals("active")).forEach(account -> {
            var profile = byId.get(account.id());
            String name = profile != null && profile.displayName() != null ? profile.displayName() : account.name();
            var avatar = profile == null ? null : avatars.urls(profile.avatarKey());
            found.put(account.id(), new PublicProfile(account.id(), slug(name, account.id()), name,
                    avatar == null ? null : avatar.get("large"), profile == null ? null : profile.bio(),
                    profile == null ? null : profile.websiteUrl(), profile == null ? Map.of() : profile.socialLinks()));
        });
        return found;
    }

    /** The person a slug names, when it is their current slug. */
    public Optional<PublicProfile> findBySlug(String slug) {
        int dash = slug.lastIndexOf('-');
        try {
            long id = Long.parseLong(dash < 0 ? slug : slug.substring(dash + 1));
            return Optional.ofNullable(find(List.of(id)).get(id)).filter(profile -> profile.slug().equals(slug));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String slug(String name, long id) {
        String base = Slugs.of(name);
        return base.isEmpty() ? Long.toString(id) : base + "-" + id;
    }
}
