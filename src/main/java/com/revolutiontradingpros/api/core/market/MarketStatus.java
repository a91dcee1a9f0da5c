package com.revolutiontradingpros.api.core.market;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * @param session {@code pre} (04:00-09:30), {@code regular}, {@code after} (until 20:00, 17:00 on early-close
 *        days) or {@code closed}
 * @param holiday the holiday the exchange is closed for today, if any
 * @param earlyClose the reason today's regular session ends at 13:00, if it does
 */
public record MarketStatus(
        boolean isOpen,
        @Schema(allowableValues = {"pre", "regular", "after", "closed"}) String session,
        MarketMoment now,
        MarketMoment nextOpen,
        MarketMoment nextClose,
        @Nullable String holiday,
        @Nullable String earlyClose,
        String timezone) {
}
