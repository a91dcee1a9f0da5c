package com.revolutiontradingpros.api.platform.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Runs every health check at once on virtual threads. A check that has not answered within {@link #TIMEOUT}
 * counts as down, so a hung dependency cannot hold a probe past about one second.
 */
@Service
public class HealthChecks {

    public static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(HealthChecks.class);

    private final List<HealthCheck> checks;
    private final Clock clock;
    private final Executor executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, LastError> lastErrors = new ConcurrentHashMap<>();

    HealthChecks(List<HealthCheck> checks, Clock clock) {
        this.checks = checks.stream().sorted(Comparator.comparing(HealthCheck::name)).toList();
        this.clock = clock;
    }

    public HealthReport run() {
        var futures = checks.stream()
                .map(check -> CompletableFuture.supplyAsync(() -> run(check), executor))
                .toList();
        return HealthReport.of(futures.stream().map(CompletableFuture::join).toList());
    }

    private DependencyHealth run(HealthCheck check) {
        long started = System.nanoTime();
        var attempt = CompletableFuture.supplyAsync(() -> {
            try {
                return check.check();
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, executor);
        try {
            var details = attempt.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            long latency = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            var last = lastErrors.get(check.name());
            return new DependencyHealth(check.name(), "up", check.critical(), latency, details.version(),
                    details.details(), last == null ? null : last.message(), last == null ? null : last.at());
        } catch (TimeoutException e) {
            attempt.cancel(true);
            return down(check, started, "no answer within " + TIMEOUT.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof java.util.concurrent.CompletionException c && c.getCause() != null
                    ? c.getCause() : e.getCause();
            return down(check, started, cause == null ? "failed" : summary(cause));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down(check, started, "interrupted");
        }
    }

    private DependencyHealth down(HealthCheck check, long started, String error) {
        var at = Instant.now(clock);
        var previous = lastErrors.put(check.name(), new LastError(error, at));
        if (previous == null || !previous.message().equals(error)) {
            log.warn("{} is down: {}", check.name(), error);
        }
        return new DependencyHealth(check.name(), "down", check.critical(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), null, Map.of(), error, at);
    }

    private static String summary(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 300 ? message.substring(0, 300) : message;
    }

    private record LastError(String message, Instant at) {
    }
}
