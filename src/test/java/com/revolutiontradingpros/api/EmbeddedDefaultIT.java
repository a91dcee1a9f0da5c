package com.revolutiontradingpros.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.revolutiontradingpros.api.support.ExternalProcess;
import com.revolutiontradingpros.api.support.Http;

/**
 * The packaged service with nothing configured: it starts its own PostgreSQL with data under DATA_DIR, stores
 * files locally, keeps caches and limits in memory, creates the first admin, and serves. A second start reuses
 * the data. PostgreSQL refuses to run as root, so when the build runs as root the service runs as nobody.
 */
class EmbeddedDefaultIT {

    @Test
    void bootsOnEmbeddedDefaultsAndKeepsItsData() throws Exception {
        Path home = Files.createTempDirectory("rtp-embedded");
        Path jar = home.resolve("rtp-api.jar");
        try (Stream<Path> jars = Files.list(Path.of("target"))) {
            Files.copy(jars.filter(p -> p.toString().endsWith(".jar")).findFirst().orElseThrow(), jar);
        }
        Files.createDirectories(home.resolve("tmp"));
        if (isRoot()) {
            run(List.of("chown", "-R", "nobody:nogroup", home.toString()));
            run(List.of("chmod", "755", home.toString()));
        }

        String firstOutput;
        try (var service = start(home, jar)) {
            var http = new Http(service.url);
            service.process.awaitHttp(service.url + "/health/live", Duration.ofSeconds(120));
            awaitReady(http, service.process);
            assertThat(http.get("/time").status()).isEqualTo(200);
            var health = http.get("/health").json();
            assertThat(health.get("status").asString()).isEqualTo("up");
            assertThat(health.get("checks").get("database").asString()).isEqualTo("up");
            assertThat(http.get("/time/market").json().has("is_open")).isTrue();
            firstOutput = service.process.output();
        }
        assertThat(firstOutput).contains("one-time password:");
        assertThat(Files.isDirectory(home.resolve("data/postgres"))).isTrue();
        assertThat(Files.isDirectory(home.resolve("data/media"))).isTrue();
        assertThat(Files.exists(home.resolve("data/keys/jwt-signing-key.json"))).isTrue();

        try (var service = start(home, jar)) {
            var http = new Http(service.url);
            service.process.awaitHttp(service.url + "/health/live", Duration.ofSeconds(120));
            awaitReady(http, service.process);
            assertThat(service.process.output()).doesNotContain("one-time password:");
        }
    }

    private record Service(ExternalProcess process, String url) implements AutoCloseable {
        @Override
        public void close() {
            process.close();
        }
    }

    private static Service start(Path home, Path jar) throws IOException {
        int port = ExternalProcess.freePort();
        var command = new ArrayList<String>();
        if (isRoot()) {
            command.addAll(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"));
        }
        var java = new ArrayList<>(ExternalProcess.javaCommand(jar, List.of()));
        java.add(1, "-Djava.io.tmpdir=" + home.resolve("tmp"));
        command.addAll(java);
        Map<String, String> environment = new HashMap<>();
        environment.put("PORT", Integer.toString(port));
        environment.put("DATA_DIR", home.resolve("data").toString());
        environment.put("HOME", home.toString());
        environment.put("LOG_FORMAT", "");
        var process = ExternalProcess.start(command, environment, "embedded-default", List.of("DATABASE_URL", "REDIS_URL", "S3_BUCKET",
                "MAIL_TRANSPORT", "ADMIN_PASSWORD", "JWT_PRIVATE_KEY"));
        return new Service(process, "http://127.0.0.1:" + port);
    }

    private static void awaitReady(Http http, ExternalProcess process) throws InterruptedException {
        for (int i = 0; i < 120; i++) {
            if (http.get("/health/ready").status() == 200) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("never ready:\n" + process.output());
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).inheritIO().start();
        assertThat(process.waitFor()).isZero();
    }
}
