package com.revolutiontradingpros.api.platform.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import com.revolutiontradingpros.api.platform.web.ApiException;

/**
 * Applies the default per-address limit and the route's own {@link RateLimit}s before the handler runs,
 * and reports the tightest one in the RateLimit-* headers.
 */
public class RateLimitInterceptor implements HandlerInterceptor {

    private static final String DEFAULT_BUCKET = "default";

    private final RateLimiter shared;
    private final RateLimiter local;
    private final RateLimitProperties properties;
    private final Map<HandlerMethod, List<Policy>> policies = new ConcurrentHashMap<>();

    public RateLimitInterceptor(RateLimiter shared, RateLimiter local, RateLimitProperties properties) {
        this.shared = shared;
        this.local = local;
        this.properties = properties;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!properties.enabled() || !(handler instanceof HandlerMethod method)) {
            return true;
        }
        RateLimiter.Decision tightest = null;
        for (Policy policy : policies.computeIfAbsent(method, this::policiesOf)) {
            // The default bucket is per node: a Redis round trip on every request would cost more than it protects.
            var limiter = policy.name().equals(DEFAULT_BUCKET) ? local : shared;
            var decision = limiter.consume(policy.name(), subject(policy.per(), request), policy.capacity(),
                    policy.period());
            if (!decision.allowed()) {
                writeHeaders(response, decision);
                throw ApiException.tooManyRequests(decision.retryAfterSeconds());
            }
            if (tightest == null || decision.remaining() * tightest.limit() < tightest.remaining() * decision.limit()) {
                tightest = decision;
            }
        }
        if (tightest != null) {
            writeHeaders(response, tightest);
        }
        return true;
    }

    private List<Policy> policiesOf(HandlerMethod method) {
        var result = new ArrayList<Policy>();
        boolean unlimited = AnnotatedElementUtils.hasAnnotation(method.getMethod(), RateLimit.Unlimited.class)
                || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), RateLimit.Unlimited.class);
        if (!unlimited) {
            result.add(new Policy(DEFAULT_BUCKET, properties.defaultCapacity(), properties.defaultPeriod(),
                    RateLimit.Per.IP));
        }
        var declared = new ArrayList<RateLimit>();
        declared.addAll(AnnotatedElementUtils.findMergedRepeatableAnnotations(method.getBeanType(), RateLimit.class));
        declared.addAll(AnnotatedElementUtils.findMergedRepeatableAnnotations(method.getMethod(), RateLimit.class));
        for (RateLimit limit : declared) {
            result.add(new Policy(limit.name(), limit.capacity(), DurationStyle.detectAndParse(limit.period()),
                    limit.per()));
        }
        return List.copyOf(result);
    }

    private static String subject(RateLimit.Per per, HttpServletRequest request) {
        if (per == RateLimit.Per.USER) {
            var authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.isAuthenticated()
                    && !(authentication instanceof AnonymousAuthenticationToken)) {
                return "user:" + authentication.getName();
            }
        }
        return "ip:" + request.getRemoteAddr();
    }

    private static void writeHeaders(HttpServletResponse response, RateLimiter.@Nullable Decision decision) {
        if (decision == null) {
            return;
        }
        response.setHeader("RateLimit-Limit", Long.toString(decision.limit()));
        response.setHeader("RateLimit-Remaining", Long.toString(decision.remaining()));
        response.setHeader("RateLimit-Reset", Long.toString(decision.resetSeconds()));
    }

    private record Policy(String name, long capacity, Duration period, RateLimit.Per per) {
    }
}
