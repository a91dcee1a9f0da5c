package com.revolutiontradingpros.api.users.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import com.revolutiontradingpros.api.auth.AccountView;
import com.revolutiontradingpros.api.auth.Accounts;
import com.revolutiontradingpros.api.platform.paging.PageParams;
import com.revolutiontradingpros.api.platform.paging.PageQuery;
import com.revolutiontradingpros.api.platform.security.CurrentUser;
import com.revolutiontradingpros.api.platform.text.Csv;
import com.revolutiontradingpros.api.platform.security.RequiresRole;
import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.users.activity.ActivityLog;
import com.revolutiontradingpros.api.users.admin.UserFilter;
import com.revolutiontradingpros.api.users.tags.UserTags;

/** The user list as CSV, streamed from a database cursor so any number of users takes the same memory. */
@RestController
@RequiresRole(Role.ADMIN)
@Tag(name = "Users")
class UsersExportController {

    private static final List<@Nullable Object> HEADER = List.of("id", "email", "name", "roles", "status", "email_verified",
            "mfa_enabled", "tags", "created_at", "last_login_at");
    private static final int TAG_BATCH = 500;

    private final Accounts accounts;
    private final UserTags tags;
    private final ActivityLog activity;

    UsersExportController(Accounts accounts, UserTags tags, ActivityLog activity) {
        this.accounts = accounts;
        this.tags = tags;
        this.activity = activity;
    }

    @GetMapping("/users/export")
    @Operation(summary = "The current user filter as CSV (RFC 4180, UTF-8, formulas neutralised), streamed")
    @ApiResponse(responseCode = "200", description = "the CSV file", content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    ResponseEntity<StreamingResponseBody> export(CurrentUser staff,
            @PageParams(sort = {"created_at", "last_login_at", "name", "email"}, defaultSort = "-created_at",
                    filters = {"role", "status", "verified", "mfa", "tag"}, searchable = true) PageQuery query,
            @RequestParam(name = "created_from", required = false) @Nullable String createdFrom,
            @RequestParam(name = "created_to", required = false) @Nullable String createdTo,
            @Parameter(description = "start with a UTF-8 byte order mark, for Excel") @RequestParam(defaultValue = "false") boolean bom) {
        var filter = UserFilter.of(query, createdFrom, createdTo, tags);
        activity.record(staff.id(), staff.id(), "users_exported", Map.of("filters", query.filters()), null);
        StreamingResponseBody body = out -> {
            var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            if (bom) {
                writer.write('\uFEFF');
            }
            writer.write(Csv.row(HEADER));
            var batch = new ArrayList<AccountView>(TAG_BATCH);
            accounts.stream(query, filter.createdFrom(), filter.createdTo(), filter.only(), account -> {
                batch.add(account);
                if (batch.size() == TAG_BATCH) {
                    flush(batch, writer);
                }
            });
            flush(batch, writer);
            writer.flush();
        };
        String file = "users-" + LocalDate.now(ZoneOffset.UTC) + ".csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
                .body(body);
    }

    /** Writes a batch with its tags fetched in one query, then empties it. */
    private void flush(List<AccountView> batch, BufferedWriter writer) {
        if (batch.isEmpty()) {
            return;
        }
        var tagsById = tags.of(batch.stream().map(AccountView::id).toList());
        try {
            for (var account : batch) {
                writer.write(Csv.row(java.util.Arrays.asList(account.id(), account.email(), account.name(), String.join(" ", account.roles()),
                        account.status(), account.emailVerified(), account.mfaEnabled(),
                        String.join(" ", tagsById.getOrDefault(account.id(), List.of())), account.createdAt(), account.lastLoginAt())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        batch.clear();
    }
}
