package com.revolutiontradingpros.api.core.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One case per NYSE holiday rule, checked against the exchange's published calendars. */
class NyseCalendarTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            // New Year's Day, Sunday moves to Monday, Saturday is not observed on the Friday before
            "2026-01-01|New Year's Day",
            "2023-01-02|New Year's Day",
            "2027-01-01|New Year's Day",
            // Martin Luther King Jr. Day, third Monday of January
            "2026-01-19|Martin Luther King Jr. Day",
            "2027-01-18|Martin Luther King Jr. Day",
            // Washington's Birthday (Presidents Day), third Monday of February
            "2026-02-16|Washington's Birthday",
            "2027-02-15|Washington's Birthday",
            // Good Friday, two days before Easter
            "2026-04-03|Good Friday",
            "2027-03-26|Good Friday",
            "2025-04-18|Good Friday",
            // Memorial Day, last Monday of May
            "2026-05-25|Memorial Day",
            "2027-05-31|Memorial Day",
            // Juneteenth since 2022, Saturday observed Friday, Sunday observed Monday
            "2026-06-19|Juneteenth National Independence Day",
            "2027-06-18|Juneteenth National Independence Day",
            "2022-06-20|Juneteenth National Independence Day",
            // Independence Day, Saturday observed Friday
            "2026-07-03|Independence Day",
            "2027-07-05|Independence Day",
            "2025-07-04|Independence Day",
            // Labor Day, first Monday of September
            "2026-09-07|Labor Day",
            "2027-09-06|Labor Day",
            // Thanksgiving, fourth Thursday of November
            "2026-11-26|Thanksgiving Day",
            "2027-11-25|Thanksgiving Day",
            // Christmas, Saturday observed Friday, Sunday observed Monday
            "2026-12-25|Christmas Day",
            "2027-12-24|Christmas Day",
            "2022-12-26|Christmas Day",
            // Closures declared for national days of mourning
            "2025-01-09|National Day of Mourning for Jimmy Carter"})
    void holidays(LocalDate date, String name) {
        assertThat(NyseCalendar.holiday(date)).contains(name);
        assertThat(NyseCalendar.isTradingDay(date)).isFalse();
    }

    @ParameterizedTest(name = "{0} is a normal trading day")
    @CsvSource({
            "2021-12-31", // New Year 2022 fell on a Saturday: no Friday closure
            "2027-12-31", // and again for 2028
            "2021-06-18", // Juneteenth was not yet an exchange holiday
            "2026-06-18", "2026-07-06", "2026-12-28", "2026-11-25"})
    void notHolidays(LocalDate date) {
        assertThat(NyseCalendar.holiday(date)).isEmpty();
        assertThat(NyseCalendar.isTradingDay(date)).isTrue();
        assertThat(NyseCalendar.earlyClose(date)).isEmpty();
    }

    @ParameterizedTest(name = "{0} closes at 13:00: {1}")
    @CsvSource(delimiter = '|', value = {
            "2025-07-03|Independence Day (observed early close)",
            "2024-07-03|Independence Day (observed early close)",
            "2026-11-27|Day after Thanksgiving",
            "2027-11-26|Day after Thanksgiving",
            "2026-12-24|Christmas Eve",
            "2025-12-24|Christmas Eve"})
    void earlyCloses(LocalDate date, String reason) {
        assertThat(NyseCalendar.earlyClose(date)).contains(reason);
        var day = NyseCalendar.tradingDay(date);
        assertThat(day).isNotNull();
        assertThat(day.close()).isEqualTo(NyseCalendar.EARLY_CLOSE);
    }

    @ParameterizedTest(name = "no early close on {0}")
    @CsvSource({
            "2026-07-02", // July 3 2026 is the observed holiday itself, so no early close the day before
            "2027-12-23", // Christmas 2027 is observed on Friday the 24th
            "2022-12-23"})
    void noEarlyCloseWhenTheRuleDoesNotApply(LocalDate date) {
        assertThat(NyseCalendar.earlyClose(date)).isEmpty();
    }

    @ParameterizedTest(name = "Easter {1} in {0}")
    @CsvSource({"2024,2024-03-31", "2025,2025-04-20", "2026,2026-04-05", "2027,2027-03-28", "2038,2038-04-25"})
    void easterDates(int year, LocalDate easter) {
        assertThat(NyseCalendar.easterSunday(year)).isEqualTo(easter);
    }
}
