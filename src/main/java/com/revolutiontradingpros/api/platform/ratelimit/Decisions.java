package com.revolutiontradingpros.api.platform.ratelimit;

import java.util.concurrent.TimeUnit;

import io.github.bucket4j.ConsumptionProbe;

final class Decisions {

    private Decisions() {
    }

    static RateLimiter.Decision of(ConsumptionProbe probe, long capacity) {
        return new RateLimiter.Decision(
                probe.isConsumed(),
                capacity,
                probe.getRemainingTokens(),
                ceilSeconds(probe.getNanosToWaitForReset()),
                probe.isConsumed() ? 0 : Math.max(1, ceilSeconds(probe.getNanosToWaitForRefill())));
    }

    private static long ceilSeconds(long nanos) {
        return (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
    }
}
