package com.revolutiontradingpros.api.core.market;

import java.time.Instant;
import java.time.OffsetDateTime;

/** One instant, in UTC and on the New York wall clock the exchange runs on. */
public record MarketMoment(Instant utc, OffsetDateTime newYork) {

    static MarketMoment of(Instant instant) {
        return new MarketMoment(instant, instant.atZone(NyseCalendar.NEW_YORK).toOffsetDateTime());
    }
}
