package com.revolutiontradingpros.api.users.imports;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.revolutiontradingpros.api.platform.security.CurrentUser;
import com.revolutiontradingpros.api.platform.security.RequiresRole;
import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.platform.storage.ObjectStorage;
import com.revolutiontradingpros.api.platform.web.ApiException;
import com.revolutiontradingpros.api.users.activity.ActivityLog;

@RestController
@RequiresRole(Role.ADMIN)
@Tag(name = "Users")
class UserImportController {

    private final UserImports imports;
    private final ObjectStorage storage;
    private final SchedulerClient scheduler;
    private final OneTimeTask<Long> task;
    private final ActivityLog activity;

    UserImportController(UserImports imports, ObjectStorage storage, SchedulerClient scheduler, OneTimeTask<Long> userImportTask,
            ActivityLog activity) {
        this.imports = imports;
        this.storage = storage;
        this.scheduler = scheduler;
        this.task = userImportTask;
        this.activity = activity;
    }

    @PostMapping(path = "/users/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import users from a CSV file (columns email, name, roles, tags, password_hash; Laravel bcrypt hashes "
            + "accepted) as a background job; 202 with the job to poll")
    ResponseEntity<UserImports.Job> upload(CurrentUser staff, @RequestPart("file") MultipartFile file, HttpServletRequest request)
            throws IOException {
        if (file.isEmpty()) {
            throw ApiException.invalid("file", "must be a non-empty CSV file");
        }
        String key = "imports/users/" + UUID.randomUUID() + ".csv";
        try (var in = file.getInputStream()) {
            storage.put(key, in, file.getSize(), "text/csv");
        }
        long id = imports.create(staff.id(), key);
        scheduler.schedule(task.instance("import-" + id, id), Instant.now());
        activity.record(staff.id(), staff.id(), "users_import_started", Map.of("import_id", id, "bytes", file.getSize()),
                request.getRemoteAddr());
        return ResponseEntity.accepted().location(URI.create("/users/import/" + id)).body(imports.find(id).orElseThrow());
    }

    @GetMapping("/users/import/{jobId}")
    @Operation(summary = "An import's status and report: created, updated, unchanged and failed lines with their errors")
    UserImports.Job status(@PathVariable long jobId) {
        return imports.find(jobId).orElseThrow(() -> ApiException.notFound("import"));
    }
}
