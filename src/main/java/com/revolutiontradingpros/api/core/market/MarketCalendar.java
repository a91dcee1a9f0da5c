package com.revolutiontradingpros.api.core.market;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** The trading days between two dates, and the weekday holidays in between. */
public record MarketCalendar(LocalDate from, LocalDate to, String timezone, List<Day> tradingDays,
        List<Holiday> holidays) {

    public record Day(LocalDate date, MarketMoment open, MarketMoment close, boolean earlyClose,
            @Nullable String earlyCloseReason) {
    }

    public record Holiday(LocalDate date, String name) {
    }
}
