package com.revolutiontradingpros.api.core.market;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The NYSE trading calendar, computed from the exchange's holiday rules (NYSE Rule 7.2) rather than a
 * table, so it stays right for any year. Ad-hoc closures (national days of mourning) are listed by date.
 */
public final class NyseCalendar {

    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    public static final LocalTime PRE_MARKET_OPEN = LocalTime.of(4, 0);
    public static final LocalTime OPEN = LocalTime.of(9, 30);
    public static final LocalTime CLOSE = LocalTime.of(16, 0);
    public static final LocalTime EARLY_CLOSE = LocalTime.of(13, 0);
    public static final LocalTime AFTER_HOURS_CLOSE = LocalTime.of(20, 0);
    public static final LocalTime EARLY_AFTER_HOURS_CLOSE = LocalTime.of(17, 0);

    private static final Map<LocalDate, String> SPECIAL_CLOSURES = Map.of(
            LocalDate.of(2018, 12, 5), "National Day of Mourning for George H.W. Bush",
            LocalDate.of(2025, 1, 9), "National Day of Mourning for Jimmy Carter");

    private NyseCalendar() {
    }

    /** The holiday that closes the exchange on this date, if any (weekends are not holidays). */
    public static Optional<String> holiday(LocalDate date) {
        if (isWeekend(date)) {
            return Optional.empty();
        }
        var special = SPECIAL_CLOSURES.get(date);
        if (special != null) {
            return Optional.of(special);
        }
        int year = date.getYear();
        // New Year's Day falling on a Saturday is not observed on the preceding Friday (Rule 7.2).
        if (date.equals(sundayToMonday(LocalDate.of(year, 1, 1)))) {
            return Optional.of("New Year's Day");
        }
        if (year >= 1998 && date.equals(nth(year, Month.JANUARY, DayOfWeek.MONDAY, 3))) {
            return Optional.of("Martin Luther King Jr. Day");
        }
        if (date.equals(nth(year, Month.FEBRUARY, DayOfWeek.MONDAY, 3))) {
            return Optional.of("Washington's Birthday");
        }
        if (date.equals(easterSunday(year).minusDays(2))) {
            return Optional.of("Good Friday");
        }
        if (date.equals(LocalDate.of(year, 5, 31).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)))) {
            return Optional.of("Memorial Day");
        }
        if (year >= 2022 && date.equals(observed(LocalDate.of(year, 6, 19)))) {
            return Optional.of("Juneteenth National Independence Day");
        }
        if (date.equals(observed(LocalDate.of(year, 7, 4)))) {
            return Optional.of("Independence Day");
        }
        if (date.equals(nth(year, Month.SEPTEMBER, DayOfWeek.MONDAY, 1))) {
            return Optional.of("Labor Day");
        }
        if (date.equals(thanksgiving(year))) {
            return Optional.of("Thanksgiving Day");
        }
        if (date.equals(observed(LocalDate.of(year, 12, 25)))) {
            return Optional.of("Christmas Day");
        }
        return Optional.empty();
    }

    /** The reason the exchange closes at 13:00 New York time on this date, if it does. */
    public static Optional<String> earlyClose(LocalDate date) {
        if (!isTradingDay(date)) {
            return Optional.empty();
        }
        int year = date.getYear();
        if (date.equals(LocalDate.of(year, 7, 3))) {
            return Optional.of("Independence Day (observed early close)");
        }
        if (date.equals(thanksgiving(year).plusDays(1))) {
            return Optional.of("Day after Thanksgiving");
        }
        if (date.equals(LocalDate.of(year, 12, 24))) {
            return Optional.of("Christmas Eve");
        }
        return Optional.empty();
    }

    public static boolean isTradingDay(LocalDate date) {
        return !isWeekend(date) && holiday(date).isEmpty();
    }

    public static @Nullable TradingDay tradingDay(LocalDate date) {
        if (!isTradingDay(date)) {
            return null;
        }
        var early = earlyClose(date);
        return new TradingDay(date, OPEN, early.isPresent() ? EARLY_CLOSE : CLOSE, early.orElse(null));
    }

    public static LocalDate nextTradingDay(LocalDate after) {
        var date = after.plusDays(1);
        while (!isTradingDay(date)) {
            date = date.plusDays(1);
        }
        return date;
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** A fixed-date holiday on a Saturday is observed on Friday, on a Sunday on Monday. */
    private static LocalDate observed(LocalDate holiday) {
        return switch (holiday.getDayOfWeek()) {
            case SATURDAY -> holiday.minusDays(1);
            case SUNDAY -> holiday.plusDays(1);
            default -> holiday;
        };
    }

    private static LocalDate sundayToMonday(LocalDate holiday) {
        return holiday.getDayOfWeek() == DayOfWeek.SUNDAY ? holiday.plusDays(1) : holiday;
    }

    private static LocalDate nth(int year, Month month, DayOfWeek day, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, day));
    }

    private static LocalDate thanksgiving(int year) {
        return nth(year, Month.NOVEMBER, DayOfWeek.THURSDAY, 4);
    }

    /** Gregorian Easter Sunday (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }

    public record TradingDay(LocalDate date, LocalTime open, LocalTime close, @Nullable String earlyCloseReason) {
        public boolean earlyClose() {
            return earlyCloseReason != null;
        }
    }
}
