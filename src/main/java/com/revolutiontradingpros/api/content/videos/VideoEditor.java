package com.revolutiontradingpros.api.content.videos;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import com.revolutiontradingpros.api.platform.access.Entitlements;
import com.revolutiontradingpros.api.platform.text.Slugs;
import com.revolutiontradingpros.api.platform.web.ApiException;
import com.revolutiontradingpros.api.platform.web.FieldErrors;
import com.revolutiontradingpros.api.platform.web.Patch;
import com.revolutiontradingpros.api.users.PublicProfiles;

/** Checks what an editor sends for a video (rows 73 and 77, rules 1, 26, 27, 31) and turns it into the columns to store. */
@Component
class VideoEditor {

    static final Set<String> KINDS = Set.of("lesson", "room_archive", "webinar", "promo", "other");
    static final Set<String> ACCESS = Set.of("public", "members", "paid");
    static final Set<String> RESERVED_SLUGS = Set.of("uploads", "rooms", "continue-watching", "stats", "calendar", "bulk");
    static final Set<String> FIELDS = Set.of("title", "slug", "description", "kind", "access", "product_ids", "room_product_id",
            "recorded_on", "session_label", "presenter_user_id", "duration_seconds");
    private static final int MAX_CHAPTERS = 200;

    private final VideoRepository videos;
    private final Entitlements entitlements;
    private final PublicProfiles profiles;
    private final Clock clock;

    VideoEditor(VideoRepository videos, Entitlements entitlements, PublicProfiles profiles, Clock clock) {
        this.videos = videos;
        this.entitlements = entitlements;
        this.profiles = profiles;
        this.clock = clock;
    }

    /** The checked fields, and the product list when it was sent (or defaulted); null keeps the stored one. */
    record Edit(VideoRepository.Fields fields, @Nullable List<Long> productIds) {
    }

    /**
     * Applies the patch to the current fields ({@code current} is null when creating). Errors on fields come as one
     * 422; slug clashes as 409 slug_taken; unknown products as 422 unknown_product.
     */
    Edit edit(Patch patch, VideoRepository.@Nullable Fields current, long videoId, boolean stored, @Nullable List<Long> currentProducts) {
        boolean creating = current == null;
        String title = patch.text("title", 1, 200);
        if (creating && title == null && !patch.has("title")) {
            patch.errors().add("title", "is required");
        }
        String description = patch.text("description", 0, 10_000);
        String kind = patch.oneOf("kind", KINDS);
        if (creating && !patch.has("kind")) {
            patch.errors().add("kind", "is required");
        }
        String access = patch.oneOf("access", ACCESS);
        List<Long> productIds = patch.ids("product_ids", 20);
        Long room = patch.id("room_product_id");
        LocalDate recordedOn = patch.errors().date(patch.isNull("recorded_on") ? null : patch.text("recorded_on", 1, 10), "recorded_on");
        String sessionLabel = patch.text("session_label", 0, 60);
        Long presenter = patch.id("presenter_user_id");
        Integer duration = patch.integer("duration_seconds", 0, 24 * 3600 * 7);
        if (duration != null && stored) {
            patch.errors().add("duration_seconds", "is read from the stored file");
        }
        var errors = patch.errors();
        errors.throwIfAny();

        var base = creating ? new VideoRepository.Fields("", "", null, "other", "public", null, null, null, null, null) : current;
        String newKind = kind != null ? kind : base.kind();
        Long newRoom = patch.has("room_product_id") ? room : base.roomProductId();
        LocalDate newRecorded = patch.has("recorded_on") ? recordedOn : base.recordedOn();
        String newAccess = access != null ? access : base.access();
        List<Long> newProducts = patch.has("product_ids") ? (productIds == null ? List.of() : productIds) : null;
        if (creating && newKind.equals("room_archive") && newRoom != null) {
            // Rule 27: a room's archive is for the room's members unless the editor says otherwise.
            newAccess = access != null ? access : "paid";
            if (newProducts == null && newAccess.equals("paid")) {
                newProducts = List.of(newRoom);
            }
        }
        if (newKind.equals("room_archive")) {
            if (newRoom == null) {
                errors.add("room_product_id", "is required for room archives");
            }
            if (newRecorded == null) {
                errors.add("recorded_on", "is required for room archives");
            }
        }
        // A day of slack: a session's local date can be a day ahead of the server's UTC date.
        if (newRecorded != null && newRecorded.isAfter(LocalDate.now(clock).plusDays(1)) && (patch.has("recorded_on") || creating)) {
            errors.add("recorded_on", "must not be in the future");
        }
        var products = newProducts != null ? newProducts : currentProducts == null ? List.<Long>of() : currentProducts;
        if (!products.isEmpty() && !newAccess.equals("paid")) {
            errors.add("product_ids", "are allowed only with paid access");
        }
        if (presenter != null && patch.has("presenter_user_id") && profiles.find(List.of(presenter)).isEmpty()) {
            errors.add("presenter_user_id", "is not an active user");
        }
        errors.throwIfAny();
        var unknown = new ArrayList<Long>();
        var asked = new ArrayList<Long>(newProducts == null ? List.of() : newProducts);
        if (newRoom != null && patch.has("room_product_id")) {
            asked.add(newRoom);
        }
        if (!asked.isEmpty()) {
            var known = entitlements.products(asked);
            asked.stream().filter(id -> !known.containsKey(id)).distinct().forEach(unknown::add);
        }
        if (!unknown.isEmpty()) {
            throw ApiException.unprocessable("unknown_product", newProducts != null && newProducts.containsAll(unknown) ? "product_ids"
                    : "room_product_id", "names unknown products " + unknown);
        }
        String newTitle = title != null ? title : base.title();
        String slug;
        if (patch.has("slug") && patch.raw("slug") != null) {
            slug = patch.raw("slug") instanceof String text ? text.strip() : "";
            checkSlug(slug, videoId);
        } else {
            slug = creating ? uniqueSlug(newTitle, videoId) : base.slug();
        }
        return new Edit(new VideoRepository.Fields(newTitle, slug, patch.has("description") ? emptyToNull(description) : base.description(),
                newKind, newAccess, newRoom, newRecorded, patch.has("session_label") ? emptyToNull(sessionLabel) : base.sessionLabel(),
                patch.has("presenter_user_id") ? presenter : base.presenterUserId(),
                patch.has("duration_seconds") ? duration : base.durationSeconds()), newProducts);
    }

    /** Rule 31: ≤ 200 chapters, the first at 0, strictly increasing and below the duration when known; errors name each bad entry. */
    static List<VideoRepository.Chapter> chapters(@Nullable Object raw, @Nullable Integer duration, String field) {
        var errors = new FieldErrors();
        if (!(raw instanceof List<?> list)) {
            throw ApiException.invalid(field, "must be a list of {start_seconds, title}");
        }
        if (list.size() > MAX_CHAPTERS) {
            throw ApiException.invalid(field, "must hold at most " + MAX_CHAPTERS + " chapters");
        }
        var chapters = new ArrayList<VideoRepository.Chapter>();
        int previous = -1;
        for (int i = 0; i < list.size(); i++) {
            String at = field + "[" + i + "]";
            if (!(list.get(i) instanceof java.util.Map<?, ?> entry)) {
                errors.add(at, "must be an object with start_seconds and title");
                continue;
            }
            Integer start = entry.get("start_seconds") instanceof Number n && n.doubleValue() == Math.floor(n.doubleValue())
                    && n.doubleValue() >= 0 && n.doubleValue() <= Integer.MAX_VALUE ? n.intValue() : null;
            String title = entry.get("title") instanceof String text ? text.strip() : null;
            if (start == null) {
                errors.add(at + ".start_seconds", "must be a whole number of seconds, 0 or more");
            } else if (i == 0 && start != 0) {
                errors.add(at + ".start_seconds", "the first chapter must start at 0");
            } else if (start <= previous) {
                errors.add(at + ".start_seconds", "must be after the previous chapter's start");
            } else if (duration != null && duration > 0 && start >= duration) {
                errors.add(at + ".start_seconds", "must be before the end of the video (" + duration + " s)");
            }
            if (title == null || title.isEmpty() || title.codePointCount(0, title.length()) > 100) {
                errors.add(at + ".title", "must be 1 to 100 characters");
            }
            if (start != null) {
                previous = Math.max(previous, start);
            }
            if (start != null && title != null) {
                chapters.add(new VideoRepository.Chapter(start, title));
            }
        }
        errors.throwIfAny();
        return chapters;
    }

    void checkSlug(String slug, long exceptId) {
        if (!Slugs.isValid(slug)) {
            throw ApiException.invalid("slug", "must be 1 to 200 lower-case letters and digits joined by single dashes");
        }
        if (RESERVED_SLUGS.contains(slug)) {
            throw ApiException.unprocessable("slug_reserved", "slug", "is reserved for a route of the API");
        }
        if (videos.slugTaken(slug, exceptId)) {
            throw ApiException.conflict("slug_taken", "another video has this slug");
        }
    }

    private String uniqueSlug(String title, long exceptId) {
        String base = Slugs.of(title);
        base = base.isEmpty() ? "video" : base;
        return Slugs.firstFree(base, candidate -> RESERVED_SLUGS.contains(candidate) || videos.slugTaken(candidate, exceptId));
    }


    private static @Nullable String emptyToNull(@Nullable String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
