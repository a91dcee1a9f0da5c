package com.revolutiontradingpros.api.platform.ratelimit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A rate limit on a route, declared beside it: {@code @RateLimit(name = "register", capacity = 10, period = "1h")}.
 * Every route also gets the default per-IP limit from configuration unless it is {@link Unlimited}.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Repeatable(RateLimit.List.class)
public @interface RateLimit {

    /** Bucket name, shared by the routes that name it. */
    String name();

    long capacity();

    /** How long the bucket takes to refill completely, as a duration string: "1m", "15m", "1h". */
    String period();

    Per per() default Per.IP;

    enum Per {
        /** The client's address. */
        IP,
        /** The signed-in user, or the address for anonymous callers. */
        USER
    }

    @Target({ElementType.METHOD, ElementType.TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @interface List {
        RateLimit[] value();
    }

    /** Exempts a route from the default limit (health probes, which load balancers poll). */
    @Target({ElementType.METHOD, ElementType.TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @interface Unlimited {
    }
}
