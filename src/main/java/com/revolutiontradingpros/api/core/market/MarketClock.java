package com.revolutiontradingpros.api.core.market;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;

import org.springframework.stereotype.Service;

/** Where the US equity market stands at an instant, and its calendar over a range of dates. */
@Service
public class MarketClock {

    public static final int MAX_CALENDAR_DAYS = 366;

    public MarketStatus at(Instant now) {
        var newYork = now.atZone(NyseCalendar.NEW_YORK);
        LocalDate today = newYork.toLocalDate();
        LocalTime time = newYork.toLocalTime();
        var day = NyseCalendar.tradingDay(today);

        String session = "closed";
        if (day != null && !time.isBefore(NyseCalendar.PRE_MARKET_OPEN)) {
            LocalTime afterClose = day.earlyClose() ? NyseCalendar.EARLY_AFTER_HOURS_CLOSE : NyseCalendar.AFTER_HOURS_CLOSE;
            if (time.isBefore(day.open())) {
                session = "pre";
            } else if (time.isBefore(day.close())) {
                session = "regular";
            } else if (time.isBefore(afterClose)) {
                session = "after";
            }
        }

        var openDay = day != null && time.isBefore(day.open()) ? day
                : NyseCalendar.tradingDay(NyseCalendar.nextTradingDay(today));
        var closeDay = day != null && time.isBefore(day.close()) ? day : openDay;
        return new MarketStatus(
                session.equals("regular"),
                session,
                MarketMoment.of(now.truncatedTo(ChronoUnit.MILLIS)),
                MarketMoment.of(instant(openDay.date(), openDay.open())),
                MarketMoment.of(instant(closeDay.date(), closeDay.close())),
                NyseCalendar.holiday(today).orElse(null),
                day == null ? null : day.earlyCloseReason(),
                NyseCalendar.NEW_YORK.getId());
    }

    public MarketCalendar calendar(LocalDate from, LocalDate to) {
        var days = new ArrayList<MarketCalendar.Day>();
        var holidays = new ArrayList<MarketCalendar.Holiday>();
        for (var date = from; !date.isAfter(to); date = date.plusDays(1)) {
            var day = NyseCalendar.tradingDay(date);
            if (day != null) {
                days.add(new MarketCalendar.Day(date, MarketMoment.of(instant(date, day.open())),
                        MarketMoment.of(instant(date, day.close())), day.earlyClose(), day.earlyCloseReason()));
            } else {
                var holidayDate = date;
                NyseCalendar.holiday(date).ifPresent(name -> holidays.add(new MarketCalendar.Holiday(holidayDate, name)));
            }
        }
        return new MarketCalendar(from, to, NyseCalendar.NEW_YORK.getId(), days, holidays);
    }

    private static Instant instant(LocalDate date, LocalTime time) {
        return date.atTime(time).atZone(NyseCalendar.NEW_YORK).toInstant();
    }
}
