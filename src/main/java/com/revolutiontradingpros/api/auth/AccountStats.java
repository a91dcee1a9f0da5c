package com.revolutiontradingpros.api.auth;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Account counts for the staff dashboard. */
public record AccountStats(Map<String, Long> byRole, Map<String, Long> byStatus, List<DailyCount> signupsPerDay,
        double verifiedPercent, double mfaPercent) {

    public record DailyCount(LocalDate date, long count) {
    }
}
