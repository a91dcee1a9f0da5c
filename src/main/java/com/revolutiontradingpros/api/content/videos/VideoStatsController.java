package com.revolutiontradingpros.api.content.videos;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.revolutiontradingpros.api.auth.Accounts;
import com.revolutiontradingpros.api.platform.paging.Page;
import com.revolutiontradingpros.api.platform.paging.PageParams;
import com.revolutiontradingpros.api.platform.paging.PageQuery;
import com.revolutiontradingpros.api.platform.ratelimit.RateLimit;
import com.revolutiontradingpros.api.platform.security.Callers;
import com.revolutiontradingpros.api.platform.security.CurrentUser;
import com.revolutiontradingpros.api.platform.security.Public;
import com.revolutiontradingpros.api.platform.security.RequiresRole;
import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.platform.web.ApiException;
import com.revolutiontradingpros.api.platform.web.FieldErrors;

/** Play starts (row 92) and the editors' reports on them (rows 93–95). */
@RestController
@Tag(name = "Videos")
class VideoStatsController {

    private static final int MAX_DAYS = 366;

    private final ViewCounter counter;
    private final VideoStatsRepository stats;
    private final VideoRepository videos;
    private final VideoGate gate;
    private final VideoViews views;
    private final Accounts accounts;
    private final Clock clock;

    VideoStatsController(ViewCounter counter, VideoStatsRepository stats, VideoRepository videos, VideoGate gate, VideoViews views,
            Accounts accounts, Clock clock) {
        this.counter = counter;
        this.stats = stats;
        this.videos = videos;
        this.gate = gate;
        this.views = views;
        this.accounts = accounts;
        this.clock = clock;
    }

    record Counted(boolean counted) {
    }

    @PostMapping("/videos/{id}/views")
    @Public
    @RateLimit(name = "video-views", capacity = 60, period = "1m")
    @Operation(summary = "Count a play start: one per viewer per video per 30 minutes; totals update within seconds")
    @ApiResponse(responseCode = "202", description = "accepted; counted is false for a repeat within 30 minutes")
    ResponseEntity<Counted> view(@PathVariable String id, HttpServletRequest request) {
        var caller = Callers.current();
        var video = gate.readable(id, caller);
        String agent = request.getHeader(HttpHeaders.USER_AGENT);
        boolean counted = counter.count(video.id(), caller.map(CurrentUser::id).orElse(null), request.getRemoteAddr(), agent == null ? "" : agent);
        return ResponseEntity.accepted().body(new Counted(counted));
    }

    record Period(LocalDate from, LocalDate to) {
    }

    record DayRow(LocalDate day, long views, long uniqueViewers, BigDecimal watchHours) {
    }

    record VideoStats(long videoId, Period period, long views, long uniqueViewers, BigDecimal watchHours,
            @Nullable BigDecimal averagePercentWatched, @Nullable BigDecimal completionRate,
            @io.swagger.v3.oas.annotations.media.Schema(description = "signed-in viewers by furthest point reached: 0–10 %, 10–20 %, … 90–100 %")
            List<Long> dropOff, List<DayRow> perDay) {
    }

    @GetMapping("/videos/{id}/stats")
    @RequiresRole(Role.EDITOR)
    @Operation(summary = "Views, unique viewers, watch hours, average percent, completion rate, drop-off and views per day (default 30 days)")
    VideoStats videoStats(@PathVariable long id, @Parameter(description = "YYYY-MM-DD") @RequestParam(required = false) @Nullable String from,
            @Parameter(description = "YYYY-MM-DD") @RequestParam(required = false) @Nullable String to) {
        videos.find(id).orElseThrow(() -> ApiException.notFound("video"));
        var period = period(from, to);
        var days = stats.days(id, period.from(), period.to());
        var watching = stats.watching(id, period.from().atStartOfDay().toInstant(ZoneOffset.UTC),
                period.to().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        return new VideoStats(id, period, days.stream().mapToLong(VideoStatsRepository.Day::views).sum(),
                days.stream().mapToLong(VideoStatsRepository.Day::uniqueViewers).sum(),
                hours(days.stream().mapToLong(VideoStatsRepository.Day::watchSeconds).sum()), watching.averagePercent(),
                watching.viewers() == 0 ? null : BigDecimal.valueOf(watching.completed() * 100.0 / watching.viewers()).setScale(2, RoundingMode.HALF_UP),
                watching.buckets(), perDay(days));
    }

    record Viewer(long userId, @Nullable String name, @Nullable String email, BigDecimal percent, int watchedSeconds,
            @Nullable Instant completedAt, Instant updatedAt) {
    }

    @GetMapping("/videos/{id}/viewers")
    @RequiresRole(Role.EDITOR)
    @Operation(summary = "Signed-in viewers with their progress; filter[completed]; sort updated_at or percent")
    Page<Viewer> viewers(@PathVariable long id, @PageParams(sort = {"updated_at", "percent"}, defaultSort = "-updated_at",
            filters = {"completed"}) PageQuery query) {
        videos.find(id).orElseThrow(() -> ApiException.notFound("video"));
        Boolean completed = query.filter("completed").map(value -> switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.invalid("filter[completed]", "must be true or false");
        }).orElse(null);
        String order = query.orderBy(Map.of("updated_at", "updated_at", "percent", "percent"), "updated_at DESC");
        var rows = stats.viewers(id, completed, order, query.limit(), query.offset());
        var people = accounts.findAll(rows.stream().map(VideoStatsRepository.Viewer::userId).toList());
        var data = rows.stream().map(row -> {
            var account = people.get(row.userId());
            return new Viewer(row.userId(), account == null ? null : account.name(), account == null ? null : account.email(), row.percent(),
                    row.watchedSeconds(), row.completedAt(), row.updatedAt());
        }).toList();
        return query.page(data, stats.countViewers(id, completed));
    }

    record KindRow(String kind, long videos, BigDecimal hours) {
    }

    record RoomRow(VideoViews.ProductRef room, long views, BigDecimal watchHours) {
    }

    record LibraryStats(Period period, List<KindRow> byKind, long bytesStored, List<DayRow> perDay,
            List<VideoStatsRepository.TopVideo> topVideos, List<RoomRow> byRoom) {
    }

    @GetMapping("/videos/stats")
    @RequiresRole(Role.EDITOR)
    @Operation(summary = "The library over a period: videos and hours by kind, bytes stored, views and watch hours per day, top 10, views per room")
    LibraryStats libraryStats(@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to) {
        var period = period(from, to);
        var rooms = stats.byRoom(period.from(), period.to());
        var refs = views.products(rooms.stream().map(VideoStatsRepository.RoomViews::roomProductId).toList());
        return new LibraryStats(period, stats.byKind().stream().map(k -> new KindRow(k.kind(), k.videos(), hours(k.seconds()))).toList(),
                stats.bytesStored(), perDay(stats.days(null, period.from(), period.to())), stats.top(period.from(), period.to()),
                rooms.stream().map(r -> new RoomRow(refs.get(r.roomProductId()), r.views(), hours(r.watchSeconds()))).toList());
    }

    private Period period(@Nullable String from, @Nullable String to) {
        var errors = new FieldErrors();
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate end = errors.date(to, "to");
        LocalDate start = errors.date(from, "from");
        errors.throwIfAny();
        end = end == null ? today : end;
        start = start == null ? end.minusDays(29) : start;
        if (start.isAfter(end)) {
            throw ApiException.invalid("from", "must not be after to");
        }
        if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw ApiException.invalid("from", "the period may span at most " + MAX_DAYS + " days");
        }
        return new Period(start, end);
    }

    private static List<DayRow> perDay(List<VideoStatsRepository.Day> days) {
        return days.stream().map(d -> new DayRow(d.day(), d.views(), d.uniqueViewers(), hours(d.watchSeconds()))).toList();
    }

    private static BigDecimal hours(long seconds) {
        return BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_UP);
    }

}
