package com.revolutiontradingpros.api.platform.ratelimit;

import java.time.Duration;

/**
 * Takes one token from a named bucket. Modules call it directly for limits keyed by something other than
 * the caller (per email address, per form), routes declare {@link RateLimit}.
 */
public interface RateLimiter {

    Decision consume(String bucket, String subject, long capacity, Duration period);

    /**
     * @param resetSeconds seconds until the bucket is full again
     * @param retryAfterSeconds seconds until a token is available, 0 when allowed
     */
    record Decision(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {
    }
}
