package com.revolutiontradingpros.api.core.market;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import com.revolutiontradingpros.api.platform.cache.Caches;
import com.revolutiontradingpros.api.platform.cache.NamedCache;
import com.revolutiontradingpros.api.platform.security.Public;
import com.revolutiontradingpros.api.platform.web.CachedBody;
import com.revolutiontradingpros.api.platform.web.FieldErrors;

@RestController
@Public
@Tag(name = "Time")
class MarketController {

    private static final String CALENDAR_CACHE_CONTROL = "public, max-age=3600";

    private final MarketClock market;
    private final Clock clock;
    private final JsonMapper json;
    /** A calendar never changes for given dates: keep each as ready bytes with its ETag. */
    private final NamedCache<CachedBody> calendars;

    MarketController(MarketClock market, Clock clock, JsonMapper json, Caches caches) {
        this.market = market;
        this.clock = clock;
        this.json = json;
        this.calendars = caches.create("core.market-calendars", Duration.ofHours(12), 2_000);
    }

    @GetMapping("/time/market")
    @Operation(summary = "US equity market clock: open or not, session, next open and close")
    ResponseEntity<MarketStatus> status(
            @Parameter(description = "instant to evaluate instead of now (RFC 3339)") @RequestParam(required = false) @Nullable String at) {
        Instant instant = Instant.now(clock);
        if (at != null) {
            try {
                instant = Instant.parse(at);
            } catch (DateTimeParseException e) {
                new FieldErrors().add("at", "must be an RFC 3339 timestamp such as 2026-11-27T14:30:00Z").throwIfAny();
            }
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(market.at(instant));
    }

    @GetMapping("/time/market/calendar")
    @Operation(summary = "Trading days between two dates (at most 366 days), with open/close times and early closes")
    @ApiResponse(responseCode = "200", description = "the trading days", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = MarketCalendar.class)))
    @ApiResponse(responseCode = "304", description = "the client's copy (If-None-Match) is current")
    ResponseEntity<byte[]> calendar(
            @Parameter(description = "first date, YYYY-MM-DD; today in New York by default") @RequestParam(required = false) @Nullable String from,
            @Parameter(description = "last date, YYYY-MM-DD; 30 days after from by default") @RequestParam(required = false) @Nullable String to,
            HttpServletRequest request) {
        var errors = new FieldErrors();
        LocalDate start = date(from, "from", errors, LocalDate.now(clock.withZone(NyseCalendar.NEW_YORK)));
        LocalDate end = date(to, "to", errors, start.plusDays(30));
        if (errors.isEmpty() && end.isBefore(start)) {
            errors.add("to", "must not be before from");
        }
        if (errors.isEmpty() && ChronoUnit.DAYS.between(start, end) + 1 > MarketClock.MAX_CALENDAR_DAYS) {
            errors.add("to", "the range may span at most " + MarketClock.MAX_CALENDAR_DAYS + " days");
        }
        errors.throwIfAny();
        return calendars.get(start + "/" + end, key -> CachedBody.json(json.writeValueAsBytes(market.calendar(start, end))))
                .respond(request, CALENDAR_CACHE_CONTROL);
    }

    private static LocalDate date(@Nullable String raw, String field, FieldErrors errors, LocalDate fallback) {
        if (raw == null) {
            return fallback;
        }
        try {
            LocalDate date = LocalDate.parse(raw);
            if (date.getYear() < 1900 || date.getYear() > 2200) {
                errors.add(field, "must be between 1900 and 2200");
                return fallback;
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(field, "must be a date as YYYY-MM-DD");
            return fallback;
        }
    }
}
