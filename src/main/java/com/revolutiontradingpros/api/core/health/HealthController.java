package com.revolutiontradingpros.api.core.health;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.info.GitProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.revolutiontradingpros.api.platform.health.DependencyHealth;
import com.revolutiontradingpros.api.platform.health.HealthChecks;
import com.revolutiontradingpros.api.platform.health.HealthReport;
import com.revolutiontradingpros.api.platform.ratelimit.RateLimit;
import com.revolutiontradingpros.api.platform.security.Public;
import com.revolutiontradingpros.api.platform.security.RequiresRole;
import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.platform.web.ApiException;

@RestController
@Tag(name = "Health")
class HealthController {

    /** Liveness is polled constantly: answer with ready bytes, no serialisation. */
    private static final byte[] LIVE = "{\"status\":\"up\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private final HealthChecks checks;
    private final ApplicationAvailability availability;
    private final @Nullable BuildProperties build;
    private final @Nullable GitProperties git;

    HealthController(HealthChecks checks, ApplicationAvailability availability, ObjectProvider<BuildProperties> build,
            ObjectProvider<GitProperties> git) {
        this.checks = checks;
        this.availability = availability;
        this.build = build.getIfAvailable();
        this.git = git.getIfAvailable();
    }

    // Not exempt from the per-IP limit like the probes below: anyone may call it, and each call checks every dependency.
    @GetMapping("/health")
    @Public
    @Operation(summary = "Overall status (up, degraded or down) with one entry per dependency; no hostnames or versions")
    ResponseEntity<Summary> health() {
        return noStore(HttpStatus.OK, Summary.of(checks.run()));
    }

    @GetMapping("/health/live")
    @Public
    @RateLimit.Unlimited
    @Operation(summary = "Liveness: 200 while the process can serve; checks no dependency")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "the process serves",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
                    schema = @Schema(implementation = Status.class)))
    ResponseEntity<byte[]> live() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_JSON).body(LIVE);
    }

    @GetMapping("/health/ready")
    @Public
    @RateLimit.Unlimited
    @Operation(summary = "Readiness: 200 when PostgreSQL answers and migrations are applied (degraded if Redis or storage is down); "
            + "503 problem otherwise, and while the node is still starting (demo data) or shutting down")
    ResponseEntity<Summary> ready() {
        if (availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC) {
            throw ApiException.unavailable("not ready: the node is starting or shutting down");
        }
        var report = checks.run();
        if (!report.ready()) {
            throw ApiException.unavailable("not ready: " + String.join(", ", report.dependencies().stream()
                    .filter(d -> d.critical() && !d.up()).map(DependencyHealth::name).toList()) + " down");
        }
        return noStore(HttpStatus.OK, Summary.of(report));
    }

    @GetMapping("/health/dependencies")
    @RequiresRole(Role.ADMIN)
    @Operation(summary = "Each dependency with latency, version, pool usage and its last error")
    ResponseEntity<HealthReport> dependencies() {
        return noStore(HttpStatus.OK, checks.run());
    }

    @GetMapping("/health/version")
    @Public
    @Operation(summary = "Service name, version, git commit, build time, Java version and uptime")
    ResponseEntity<Version> version() {
        var runtime = ManagementFactory.getRuntimeMXBean();
        Instant started = Instant.ofEpochMilli(runtime.getStartTime());
        return noStore(HttpStatus.OK, new Version(
                build == null ? "rtp-api" : build.getArtifact(),
                build == null ? "development" : build.getVersion(),
                git == null ? null : git.getCommitId(),
                git == null ? null : git.getShortCommitId(),
                build == null ? null : build.getTime(),
                Runtime.version().toString(),
                started,
                Duration.ofMillis(runtime.getUptime()).toSeconds()));
    }

    private static <T> ResponseEntity<T> noStore(HttpStatus status, T body) {
        return ResponseEntity.status(status).cacheControl(CacheControl.noStore()).body(body);
    }

    record Status(@Schema(allowableValues = {"up"}) String status) {
    }

    /** The public view: a status per dependency, nothing else. */
    record Summary(@Schema(allowableValues = {"up", "degraded", "down"}) String status, Map<String, String> checks) {

        static Summary of(HealthReport report) {
            var byName = new LinkedHashMap<String, String>();
            report.dependencies().forEach(d -> byName.put(d.name(), d.status()));
            return new Summary(report.status(), byName);
        }
    }

    record Version(String service, String version, @Nullable String commit, @Nullable String commitShort,
            @Nullable Instant builtAt, String java, Instant startedAt, long uptimeSeconds) {
    }

}
