package com.revolutiontradingpros.api.users.dataexport;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import com.revolutiontradingpros.api.platform.privacy.PersonalData;
import com.revolutiontradingpros.api.platform.storage.ObjectStorage;

/** Builds GDPR exports: every module's {@link PersonalData} as JSON files in a zip, kept 24 hours. */
@Service
class DataExports {

    static final Duration KEPT_FOR = Duration.ofHours(24);
    private static final Logger log = LoggerFactory.getLogger(DataExports.class);

    private final JdbcClient jdbc;
    private final List<PersonalData> sources;
    private final ObjectStorage storage;
    private final JsonMapper json;
    private final Clock clock;

    DataExports(JdbcClient jdbc, List<PersonalData> sources, ObjectStorage storage, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.sources = sources;
        this.storage = storage;
        this.json = json.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();
        this.clock = clock;
    }

    record Export(long id, long userId, String status, @Nullable String fileKey, @Nullable Instant expiresAt, @Nullable String error,
            Instant createdAt, @Nullable Instant finishedAt) {
    }

    Optional<Export> latest(long userId) {
        return jdbc.sql("SELECT id, user_id, status, file_key, expires_at, error, created_at, finished_at FROM data_exports "
                        + "WHERE user_id = :user ORDER BY created_at DESC, id DESC LIMIT 1")
                .param("user", userId)
                .query((rs, n) -> new Export(rs.getLong("id"), rs.getLong("user_id"), rs.getString("status"), rs.getString("file_key"),
                        rs.getTimestamp("expires_at") == null ? null : rs.getTimestamp("expires_at").toInstant(), rs.getString("error"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant()))
                .optional();
    }

    long queue(long userId) {
        return jdbc.sql("INSERT INTO data_exports (user_id, status) VALUES (:user, 'queued') RETURNING id").param("user", userId)
                .query(Long.class).single();
    }

    void build(long exportId) {
        var export = jdbc.sql("UPDATE data_exports SET status = 'running' WHERE id = :id AND status IN ('queued', 'running') RETURNING user_id")
                .param("id", exportId).query(Long.class).optional();
        if (export.isEmpty()) {
            return;
        }
        long userId = export.get();
        String key = "exports/" + userId + "/" + UUID.randomUUID() + ".zip";
        try {
            var file = Files.createTempFile("data-export", ".zip");
            try {
                try (OutputStream out = Files.newOutputStream(file); var zip = new ZipOutputStream(out)) {
                    for (var source : sources) {
                        zip.putNextEntry(new ZipEntry(source.section() + ".json"));
                        zip.write(json.writeValueAsBytes(source.collect(userId)));
                        zip.closeEntry();
                    }
                }
                try (var in = Files.newInputStream(file)) {
                    storage.put(key, in, Files.size(file), "application/zip");
                }
            } finally {
                Files.deleteIfExists(file);
            }
            jdbc.sql("UPDATE data_exports SET status = 'ready', file_key = :key, expires_at = :expires, finished_at = now() WHERE id = :id")
                    .param("key", key).param("expires", Timestamp.from(Instant.now(clock).plus(KEPT_FOR))).param("id", exportId).update();
        } catch (IOException | RuntimeException e) {
            log.warn("data export {} failed: {}", exportId, e.toString());
            jdbc.sql("UPDATE data_exports SET status = 'failed', error = :error, finished_at = now() WHERE id = :id")
                    .param("error", "the export could not be built; ask for a new one").param("id", exportId).update();
        }
    }

    /** Deletes the files of exports past their 24 hours. */
    void expire() {
        jdbc.sql("UPDATE data_exports SET status = 'expired' WHERE status = 'ready' AND expires_at < now() RETURNING file_key")
                .query(String.class).list()
                .forEach(storage::delete);
    }

    @Configuration(proxyBeanMethods = false)
    static class Jobs {
        @Bean
        OneTimeTask<Long> dataExportTask(DataExports exports) {
            return Tasks.oneTime("users-data-export", Long.class).execute((instance, context) -> exports.build(instance.getData()));
        }

        @Bean
        RecurringTask<Void> dataExportCleanup(DataExports exports) {
            return Tasks.recurring("users-data-export-cleanup", FixedDelay.of(Duration.ofHours(1)))
                    .execute((instance, context) -> exports.expire());
        }
    }
}
