package com.revolutiontradingpros.api.content.videos;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.revolutiontradingpros.api.content.VideoCompleted;
import com.revolutiontradingpros.api.platform.web.ApiException;

/** Rule 29: last and furthest position, watched time and percent per user and video; completion is announced once. */
@Service
class WatchProgress {

    static final BigDecimal COMPLETE_AT = BigDecimal.valueOf(90);
    private static final Duration COALESCE = Duration.ofSeconds(5);

    private final ProgressRepository progress;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WatchProgress(ProgressRepository progress, ApplicationEventPublisher events, Clock clock) {
        this.progress = progress;
        this.events = events;
        this.clock = clock;
    }

    /** One report from the player: a position and the seconds played since the last report, or completed. */
    record Report(@Nullable Double positionSeconds, int playedSeconds, boolean completed) {
    }

    @Transactional
    ProgressRepository.Progress report(Video video, long userId, Report report) {
        Integer duration = video.durationSeconds();
        if (report.positionSeconds() != null && duration != null && report.positionSeconds() > duration + 5) {
            throw ApiException.invalid("position_seconds", "must be between 0 and " + (duration + 5));
        }
        Instant now = clock.instant();
        var current = progress.findForUpdate(userId, video.id()).orElse(null);
        boolean alreadyComplete = current != null && current.completedAt() != null;
        if (current != null && Duration.between(current.updatedAt(), now).compareTo(COALESCE) < 0 && !(report.completed() && !alreadyComplete)) {
            return current;
        }
        int position = report.positionSeconds() == null ? (current == null ? 0 : current.positionSeconds())
                : (int) Math.floor(report.positionSeconds());
        int max = Math.max(position, current == null ? 0 : current.maxPositionSeconds());
        if (report.completed() && duration != null) {
            max = Math.max(max, duration);
        }
        int watched = (current == null ? 0 : current.watchedSeconds()) + report.playedSeconds();
        BigDecimal percent = duration == null || duration == 0 ? (report.completed() ? BigDecimal.valueOf(100) : BigDecimal.ZERO)
                : BigDecimal.valueOf(max * 100.0 / duration).setScale(2, RoundingMode.HALF_UP).min(BigDecimal.valueOf(100));
        if (report.completed()) {
            percent = BigDecimal.valueOf(100).setScale(2, RoundingMode.UNNECESSARY);
        }
        Instant completedAt = alreadyComplete ? current.completedAt() : percent.compareTo(COMPLETE_AT) >= 0 || report.completed() ? now : null;
        var saved = new ProgressRepository.Progress(userId, video.id(), position, max, watched, percent.setScale(2, RoundingMode.HALF_UP),
                completedAt, now);
        progress.save(saved);
        if (report.playedSeconds() > 0) {
            progress.addWatchSeconds(video.id(), LocalDate.ofInstant(now, ZoneOffset.UTC), report.playedSeconds());
        }
        if (!alreadyComplete && completedAt != null) {
            events.publishEvent(new VideoCompleted(userId, video.id()));
        }
        return saved;
    }
}
