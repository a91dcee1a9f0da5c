package com.revolutiontradingpros.api.users.imports;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.revolutiontradingpros.api.auth.Accounts;
import com.revolutiontradingpros.api.auth.ImportedAccount;
import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.platform.storage.ObjectStorage;

/**
 * Runs a users CSV import: reads the file as a stream (memory does not grow with its size), checks every line,
 * and applies valid lines in batches of {@link #BATCH}, each batch in one transaction. A line with an error is
 * reported by its line number and skipped; the others still apply. Email is the key, so importing the same file
 * again changes nothing.
 */
@Service
class UserImportJob {

    static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(UserImportJob.class);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final Pattern HASH = Pattern.compile("^(\\$2[aby]\\$\\d{2}\\$[./A-Za-z0-9]{53}|\\$argon2id\\$.+)$");
    private static final Set<String> IMPORTABLE_ROLES = Set.of("member", "author", "editor");

    private final UserImports imports;
    private final ObjectStorage storage;
    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    UserImportJob(UserImports imports, ObjectStorage storage, Accounts accounts, JdbcClient jdbc, TransactionTemplate transactions) {
        this.imports = imports;
        this.storage = storage;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    void run(long importId) {
        var job = imports.find(importId).orElse(null);
        if (job == null || !imports.start(importId)) {
            return;
        }
        var report = new UserImports.Report();
        try (var in = storage.open(job.fileKey()).orElseThrow(() -> new IllegalStateException("the import file is missing"));
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
             var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                     .setTrim(true).setAllowMissingColumnNames(true).get().parse(reader)) {
            var header = parser.getHeaderMap().keySet().stream().map(h -> h.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT)).toList();
            if (!header.contains("email")) {
                imports.finish(importId, "failed", "the first line must name the columns, and one must be email");
                return;
            }
            var batch = new ArrayList<Line>(BATCH);
            for (CSVRecord record : parser) {
                report.lines++;
                var line = parse(record, header, report);
                if (line != null) {
                    batch.add(line);
                }
                if (batch.size() == BATCH) {
                    apply(batch, report);
                    imports.progress(importId, report);
                }
            }
            apply(batch, report);
            imports.progress(importId, report);
            imports.finish(importId, "done", null);
        } catch (IOException | RuntimeException e) {
            log.warn("user import {} failed: {}", importId, e.toString());
            imports.progress(importId, report);
            imports.finish(importId, "failed", "the file could not be read as CSV: " + e.getMessage());
        }
    }

    private record Line(long number, ImportedAccount account, List<String> tags) {
    }

    private static Line parse(CSVRecord record, List<String> header, UserImports.Report report) {
        var values = new LinkedHashMap<String, String>();
        for (int i = 0; i < header.size() && i < record.size(); i++) {
            values.put(header.get(i), record.get(i));
        }
        long line = record.getRecordNumber() + 1;
        String email = values.getOrDefault("email", "").toLowerCase(Locale.ROOT);
        var problems = new ArrayList<String>();
        if (!EMAIL.matcher(email).matches() || email.length() > 254) {
            problems.add("email is not a valid address");
        }
        String name = values.getOrDefault("name", "");
        if (name.length() > 100) {
            problems.add("name is longer than 100 characters");
        }
        var roles = new ArrayList<String>(List.of("member"));
        for (String role : values.getOrDefault("roles", "").toLowerCase(Locale.ROOT).split("[\\s,;|]+")) {
            if (role.isEmpty() || role.equals("member")) {
                continue;
            }
            if (Role.fromWireName(role).isEmpty()) {
                problems.add("unknown role " + role);
            } else if (!IMPORTABLE_ROLES.contains(role)) {
                problems.add("role " + role + " cannot be imported; grant it in the admin");
            } else if (!roles.contains(role)) {
                roles.add(role);
            }
        }
        var tags = new ArrayList<String>();
        for (String tag : values.getOrDefault("tags", "").toLowerCase(Locale.ROOT).split("[,;|]+")) {
            String clean = tag.strip();
            if (clean.isEmpty()) {
                continue;
            }
            if (clean.length() > 50) {
                problems.add("tag " + clean.substring(0, 20) + "… is longer than 50 characters");
            } else if (!tags.contains(clean)) {
                tags.add(clean);
            }
        }
        if (tags.size() > 50) {
            problems.add("more than 50 tags");
        }
        String hash = values.getOrDefault("password_hash", "");
        if (!hash.isEmpty() && !HASH.matcher(hash).matches()) {
            problems.add("password_hash is not a bcrypt ($2y$) or Argon2id hash");
        }
        if (!problems.isEmpty()) {
            report.error(line, email, String.join("; ", problems));
            return null;
        }
        return new Line(line, new ImportedAccount(email, name, roles, hash.isEmpty() ? null : hash), tags);
    }

    private void apply(List<Line> batch, UserImports.Report report) {
        if (batch.isEmpty()) {
            return;
        }
        // A second line for an email within one batch would make the statement touch a row twice: report it.
        var seen = new HashSet<String>();
        var unique = new ArrayList<Line>();
        for (var line : batch) {
            if (seen.add(line.account().email())) {
                unique.add(line);
            } else {
                report.error(line.number(), line.account().email(), "the email appears more than once in the file");
            }
        }
        transactions.executeWithoutResult(status -> {
            Map<String, ImportedAccount.Outcome> outcomes = accounts.importAccounts(unique.stream().map(Line::account).toList());
            outcomes.values().forEach(outcome -> {
                switch (outcome) {
                    case CREATED -> report.created++;
                    case UPDATED -> report.updated++;
                    case UNCHANGED -> report.unchanged++;
                }
            });
            var ids = accounts.idsByEmail(outcomes.keySet());
            var withTags = unique.stream().filter(line -> !line.tags().isEmpty()).toList();
            for (var line : withTags) {
                Long id = ids.get(line.account().email());
                if (id != null) {
                    jdbc.sql("INSERT INTO user_tags (user_id, tag) SELECT :user, unnest(CAST(:tags AS text[])) ON CONFLICT DO NOTHING")
                            .param("user", id).param("tags", line.tags().toArray(String[]::new)).update();
                }
            }
        });
        batch.clear();
    }

    @Configuration(proxyBeanMethods = false)
    static class Task {
        @Bean
        OneTimeTask<Long> userImportTask(UserImportJob job) {
            return Tasks.oneTime("users-import", Long.class).execute((instance, context) -> job.run(instance.getData()));
        }
    }
}
