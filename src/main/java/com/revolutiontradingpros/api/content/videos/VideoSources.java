package com.revolutiontradingpros.api.content.videos;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

import com.revolutiontradingpros.api.platform.web.ApiException;

/**
 * Rule 26 for videos that are not stored here: external files must be https (HLS when the path ends in .m3u8), and
 * embed links are reduced to their provider and id, so players are built from ids and never from pasted HTML.
 */
final class VideoSources {

    private static final Pattern YOUTUBE_ID = Pattern.compile("^[A-Za-z0-9_-]{11}$");
    private static final Pattern VIMEO_ID = Pattern.compile("^[0-9]{1,12}$");

    private VideoSources() {
    }

    static VideoRepository.Source external(String url) {
        URI uri = parse(url);
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw ApiException.invalid("url", "must be an https URL");
        }
        String path = uri.getPath() == null ? "" : uri.getPath().toLowerCase(Locale.ROOT);
        String mime = path.endsWith(".m3u8") ? "application/vnd.apple.mpegurl" : path.endsWith(".webm") ? "video/webm"
                : path.endsWith(".mp4") || path.endsWith(".m4v") ? "video/mp4" : null;
        if (mime == null) {
            throw ApiException.invalid("url", "must point to an MP4 or WebM file or an HLS playlist (.m3u8)");
        }
        return new VideoRepository.Source("external", null, uri.toString(), null, null, mime, null);
    }

    static VideoRepository.Source embed(String url) {
        URI uri = parse(url);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT).replaceFirst("^(www\\.|m\\.)", "");
        String path = uri.getPath() == null ? "" : uri.getPath();
        String id = null;
        String provider = null;
        if (host.equals("youtube.com") || host.equals("youtube-nocookie.com")) {
            provider = "youtube";
            id = path.equals("/watch") ? queryParameter(uri, "v") : path.matches("^/(embed|shorts|live)/[^/]+$") ? path.substring(path.lastIndexOf('/') + 1) : null;
        } else if (host.equals("youtu.be")) {
            provider = "youtube";
            id = path.length() > 1 ? path.substring(1) : null;
        } else if (host.equals("vimeo.com") || host.equals("player.vimeo.com")) {
            provider = "vimeo";
            id = path.replaceFirst("^/video/", "/").replaceFirst("^/", "").replaceFirst("/.*$", "");
        }
        if (provider == null) {
            throw ApiException.unprocessable("unsupported_embed_provider", "url", "only YouTube and Vimeo links can be embedded");
        }
        if (id == null || !(provider.equals("youtube") ? YOUTUBE_ID : VIMEO_ID).matcher(id).matches()) {
            throw ApiException.invalid("url", "does not name a " + (provider.equals("youtube") ? "YouTube" : "Vimeo") + " video");
        }
        return new VideoRepository.Source("embed", null, uri.toString(), provider, id, null, null);
    }

    /** The player URL of an embed, built from the provider and id alone. */
    static String embedUrl(String provider, String id) {
        return provider.equals("youtube") ? "https://www.youtube-nocookie.com/embed/" + id : "https://player.vimeo.com/video/" + id;
    }

    private static URI parse(String url) {
        try {
            var uri = new URI(url.strip());
            if (url.length() > 2000) {
                throw ApiException.invalid("url", "must be at most 2000 characters");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw ApiException.invalid("url", "is not a valid URL");
        }
    }

    private static String queryParameter(URI uri, String name) {
        if (uri.getRawQuery() == null) {
            return null;
        }
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
