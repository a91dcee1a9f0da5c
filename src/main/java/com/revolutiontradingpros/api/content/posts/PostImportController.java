package com.revolutiontradingpros.api.content.posts;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.revolutiontradingpros.api.platform.security.CurrentUser;
import com.revolutiontradingpros.api.platform.security.RequiresRole;
import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.platform.storage.ObjectStorage;
import com.revolutiontradingpros.api.platform.web.ApiException;
import com.revolutiontradingpros.api.platform.web.FieldErrors;

/** Rows 33–34: an import file is kept in object storage and read by a background job on whichever node picks it up. */
@RestController
@RequiresRole(Role.ADMIN)
@Tag(name = "Posts (staff)")
class PostImportController {

    static final long MAX_BYTES = 100L * 1024 * 1024;

    private final PostImports imports;
    private final ObjectStorage storage;
    private final SchedulerClient scheduler;
    private final OneTimeTask<Long> task;
    private final Clock clock;

    PostImportController(PostImports imports, ObjectStorage storage, SchedulerClient scheduler, OneTimeTask<Long> postImportTask, Clock clock) {
        this.imports = imports;
        this.storage = storage;
        this.scheduler = scheduler;
        this.task = postImportTask;
        this.clock = clock;
    }

    @PostMapping(path = "/posts/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import this API's JSON export or a WordPress WXR file (≤ 100 MB) as a background job; authors by email, "
            + "categories and tags by slug (created when missing), image URLs kept; 202 with the job")
    ResponseEntity<PostImports.Job> start(CurrentUser caller, @RequestPart("file") @Nullable MultipartFile file,
            @Parameter(description = "draft: every post arrives as a draft; keep: the status and dates of the file")
            @Schema(allowableValues = {"draft", "keep"}) @RequestParam(defaultValue = "draft") String status,
            @Parameter(description = "a post whose slug is taken: skip it, or import it under the next free slug")
            @Schema(allowableValues = {"skip", "rename"}) @RequestParam(name = "on_conflict", defaultValue = "skip") String onConflict)
            throws IOException {
        var errors = new FieldErrors();
        if (!status.equals("draft") && !status.equals("keep")) {
            errors.add("status", "must be draft or keep");
        }
        if (!onConflict.equals("skip") && !onConflict.equals("rename")) {
            errors.add("on_conflict", "must be skip or rename");
        }
        if (file == null || file.isEmpty()) {
            errors.add("file", "must be a non-empty JSON export or WXR file");
        } else if (file.getSize() > MAX_BYTES) {
            errors.add("file", "must be at most 100 MB");
        }
        errors.throwIfAny();
        String format;
        String key = "imports/posts/" + UUID.randomUUID();
        try (var in = new BufferedInputStream(file.getInputStream())) {
            format = detect(in);
            storage.put(key, in, file.getSize(), format.equals("json") ? "application/json" : "application/xml");
        }
        long id = imports.create(format, new PostImports.Options(status, onConflict), key, caller.id());
        scheduler.schedule(task.instance("post-import-" + id, id), clock.instant());
        return ResponseEntity.accepted().location(URI.create("/posts/import/" + id)).body(imports.find(id).orElseThrow());
    }

    @GetMapping("/posts/import/{jobId}")
    @Operation(summary = "An import's status, counts of created, skipped and failed items, the first 500 item errors, start and end times")
    PostImports.Job status(@PathVariable long jobId) {
        return imports.find(jobId).orElseThrow(() -> ApiException.notFound("import"));
    }

    /** JSON starts with an object, WXR with an XML declaration or element; a byte-order mark and blanks may come first. */
    private static String detect(InputStream in) throws IOException {
        in.mark(1024);
        try {
            for (int i = 0; i < 1024; i++) {
                int b = in.read();
                if (b == '{') {
                    return "json";
                }
                if (b == '<') {
                    return "wxr";
                }
                if (b < 0 || !(Character.isWhitespace(b) || b == 0xEF || b == 0xBB || b == 0xBF)) {
                    break;
                }
            }
        } finally {
            in.reset();
        }
        throw ApiException.unprocessable("unsupported_import_format", "file", "must be this API's JSON export or a WordPress WXR file");
    }
}
