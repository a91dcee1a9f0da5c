package com.revolutiontradingpros.api.platform.health;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.revolutiontradingpros.api.platform.jobs.JobsProperties;
import com.revolutiontradingpros.api.platform.redis.RedisConnections;
import com.revolutiontradingpros.api.platform.storage.ObjectStorage;

/** The kernel's dependencies: PostgreSQL (critical), Redis, object storage, the job scheduler and module events. */
@Configuration(proxyBeanMethods = false)
class PlatformHealthChecks {

    @Bean
    HealthCheck databaseHealth(JdbcClient jdbc, HikariDataSource pool, Flyway flyway) {
        // Counted once at start: the migrations this build ships, which the database must have applied.
        int shipped = flyway.info().all().length;
        return check("database", true, () -> {
            var row = jdbc.sql("""
                    SELECT current_setting('server_version') AS version,
                           (SELECT count(*) FROM flyway_schema_history WHERE success) AS applied,
                           (SELECT count(*) FROM flyway_schema_history WHERE NOT success) AS failed""")
                    .query((rs, n) -> new Object[] {rs.getString("version"), rs.getLong("applied"), rs.getLong("failed")})
                    .single();
            long applied = (long) row[1];
            if ((long) row[2] > 0 || applied < shipped) {
                throw new IllegalStateException("migrations are not applied: " + applied + " of " + shipped);
            }
            var details = new LinkedHashMap<String, Object>();
            var mx = pool.getHikariPoolMXBean();
            if (mx != null) {
                details.put("pool_active", mx.getActiveConnections());
                details.put("pool_idle", mx.getIdleConnections());
                details.put("pool_waiting", mx.getThreadsAwaitingConnection());
                details.put("pool_total", mx.getTotalConnections());
            }
            details.put("pool_max", pool.getMaximumPoolSize());
            details.put("migrations_applied", applied);
            return new HealthCheck.Details("PostgreSQL " + row[0], details);
        });
    }

    @Bean
    HealthCheck redisHealth(ObjectProvider<RedisConnections> redis) {
        return check("redis", false, () -> {
            var connections = redis.getIfAvailable();
            if (connections == null) {
                return new HealthCheck.Details(null, Map.of("mode", "not configured: caches and rate limits are per node"));
            }
            var connection = connections.strings().orElseThrow(() -> new IllegalStateException("not connected"));
            var commands = connection.sync();
            commands.ping();
            String info = commands.info("server");
            String version = info.lines().filter(line -> line.startsWith("redis_version:"))
                    .map(line -> line.substring("redis_version:".length()).trim()).findFirst().orElse(null);
            return HealthCheck.Details.of(version == null ? null : "Redis " + version);
        });
    }

    @Bean
    HealthCheck storageHealth(ObjectStorage storage) {
        return check("storage", false, () -> {
            storage.check();
            return new HealthCheck.Details(null, Map.of("adapter", storage.name()));
        });
    }

    @Bean
    HealthCheck schedulerHealth(Scheduler scheduler, JobsProperties jobs) {
        return check("scheduler", false, () -> {
            if (!jobs.enabled()) {
                return new HealthCheck.Details(null, Map.of("mode", "disabled on this node"));
            }
            var state = scheduler.getSchedulerState();
            if (state.isShuttingDown()) {
                throw new IllegalStateException("shutting down");
            }
            return new HealthCheck.Details(null, Map.of("started", state.isStarted(),
                    "running_jobs", scheduler.getCurrentlyExecuting().size()));
        });
    }

    @Bean
    HealthCheck eventsHealth(JdbcClient jdbc) {
        return check("events", false, () -> {
            var stale = Instant.now().minus(Duration.ofMinutes(10));
            var counts = jdbc.sql("""
                    SELECT count(*) AS incomplete, count(*) FILTER (WHERE publication_date < :stale) AS stale
                    FROM event_publication WHERE completion_date IS NULL""")
                    .param("stale", java.sql.Timestamp.from(stale))
                    .query((rs, n) -> new long[] {rs.getLong("incomplete"), rs.getLong("stale")})
                    .single();
            if (counts[1] > 0) {
                throw new IllegalStateException(counts[1] + " module events have waited more than 10 minutes to be handled");
            }
            return new HealthCheck.Details(null, Map.of("incomplete", counts[0]));
        });
    }

    private static HealthCheck check(String name, boolean critical, Probe probe) {
        return new HealthCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean critical() {
                return critical;
            }

            @Override
            public Details check() throws Exception {
                return probe.run();
            }
        };
    }

    @FunctionalInterface
    private interface Probe {
        HealthCheck.Details run() throws Exception;
    }
}
