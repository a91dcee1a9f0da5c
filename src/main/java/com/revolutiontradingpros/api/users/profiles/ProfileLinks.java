package com.revolutiontradingpros.api.users.profiles;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import com.revolutiontradingpros.api.platform.web.FieldErrors;

/**
 * The website and social profiles a person shows on their author page. Social links must point at the network they
 * are shown under, so a profile cannot put a phishing page behind the YouTube icon.
 */
final class ProfileLinks {

    static final Map<String, Set<String>> NETWORKS = Map.of(
            "x", Set.of("x.com", "twitter.com"),
            "youtube", Set.of("youtube.com", "youtu.be"),
            "linkedin", Set.of("linkedin.com"),
            "instagram", Set.of("instagram.com"),
            "facebook", Set.of("facebook.com"),
            "tiktok", Set.of("tiktok.com"),
            "tradingview", Set.of("tradingview.com"),
            "stocktwits", Set.of("stocktwits.com"),
            "discord", Set.of("discord.gg", "discord.com"));
    private static final int MAX_URL = 200;

    private ProfileLinks() {
    }

    /** An absolute http(s) URL with a host, or null with a field error. */
    static @Nullable String website(@Nullable Object value, FieldErrors errors) {
        if (value == null) {
            return null;
        }
        var uri = uri(value, "website_url", errors);
        return uri == null ? null : uri.toString();
    }

    /**
     * The links after a merge patch of {network: url}: a network set to null is removed, the others are kept; each
     * URL is https on its network's domain.
     */
    static Map<String, String> social(@Nullable Object value, Map<String, String> current, FieldErrors errors) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> patch)) {
            errors.add("social_links", "must be an object of network to URL");
            return current;
        }
        var links = new TreeMap<>(current);
        patch.forEach((key, url) -> {
            String network = String.valueOf(key);
            String field = "social_links." + network;
            if (!NETWORKS.containsKey(network)) {
                errors.add(field, "is not a network we show; use one of " + new TreeSet<>(NETWORKS.keySet()));
            } else if (url == null) {
                links.remove(network);
            } else {
                var uri = uri(url, field, errors);
                if (uri != null && (!uri.getScheme().equals("https") || !onDomain(uri.getHost(), NETWORKS.get(network)))) {
                    errors.add(field, "must be an https link on " + String.join(" or ", new TreeSet<>(NETWORKS.get(network))));
                } else if (uri != null) {
                    links.put(network, uri.toString());
                }
            }
        });
        return links;
    }

    private static boolean onDomain(String host, Set<String> domains) {
        String lower = host.toLowerCase(Locale.ROOT);
        return domains.stream().anyMatch(domain -> lower.equals(domain) || lower.endsWith("." + domain));
    }

    private static @Nullable URI uri(Object value, String field, FieldErrors errors) {
        if (!(value instanceof String text) || text.isBlank() || text.strip().length() > MAX_URL) {
            errors.add(field, "must be a link of at most " + MAX_URL + " characters");
            return null;
        }
        try {
            var uri = new URI(text.strip());
            if (uri.getScheme() == null || !Set.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT)) || uri.getHost() == null
                    || uri.getUserInfo() != null) {
                throw new URISyntaxException(text, "not an absolute web link");
            }
            return uri;
        } catch (URISyntaxException e) {
            errors.add(field, "must be an absolute http or https link");
            return null;
        }
    }
}
