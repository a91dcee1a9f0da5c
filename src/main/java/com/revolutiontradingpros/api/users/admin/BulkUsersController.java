package com.revolutiontradingpros.api.users.admin;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.revolutiontradingpros.api.auth.Accounts;
import com.revolutiontradingpros.api.platform.security.CurrentUser;
import com.revolutiontradingpros.api.platform.security.RequiresRole;
import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.platform.web.ApiException;
import com.revolutiontradingpros.api.users.activity.ActivityLog;
import com.revolutiontradingpros.api.users.tags.UserTags;

/** One action on up to 1,000 users; each user succeeds or fails on its own, and the answer says which. */
@RestController
@RequiresRole(Role.ADMIN)
@Tag(name = "Users")
class BulkUsersController {

    private final Accounts accounts;
    private final UserTags tags;
    private final ActivityLog activity;
    private final TransactionTemplate transactions;

    BulkUsersController(Accounts accounts, UserTags tags, ActivityLog activity, TransactionTemplate transactions) {
        this.accounts = accounts;
        this.tags = tags;
        this.activity = activity;
        this.transactions = transactions;
    }

    record Bulk(@NotNull @Pattern(regexp = "suspend|unsuspend|delete|add_tag|remove_tag|send_password_reset",
                    message = "must be suspend, unsuspend, delete, add_tag, remove_tag or send_password_reset") String action,
            @NotNull @Size(min = 1, max = 1000) List<@NotNull Long> ids,
            @Nullable @Size(min = 1, max = 50) String tag) {
    }

    record Outcome(long id, boolean ok, @Nullable String code, @Nullable String detail) {
    }

    record Results(@Schema(description = "one entry per id, in the order sent") List<Outcome> results, int succeeded, int failed) {
    }

    @PostMapping("/users/bulk")
    @Operation(summary = "Suspend, unsuspend, delete, tag, untag or send a password reset to many users; a result per id")
    Results bulk(CurrentUser staff, @Valid @RequestBody Bulk body, HttpServletRequest request) {
        if ((body.action().endsWith("_tag")) && (body.tag() == null || body.tag().isBlank())) {
            throw ApiException.invalid("tag", "is required for " + body.action());
        }
        var results = new ArrayList<Outcome>();
        for (long id : new LinkedHashSet<>(body.ids())) {
            try {
                transactions.executeWithoutResult(status -> {
                    apply(staff, body, id);
                    activity.record(id, staff.id(), "bulk_" + body.action(), body.tag() == null ? Map.of() : Map.of("tag", body.tag()),
                            request.getRemoteAddr());
                });
                results.add(new Outcome(id, true, null, null));
            } catch (ApiException e) {
                results.add(new Outcome(id, false, e.code(), e.getMessage()));
            }
        }
        int ok = (int) results.stream().filter(Outcome::ok).count();
        return new Results(results, ok, results.size() - ok);
    }

    private void apply(CurrentUser staff, Bulk body, long id) {
        switch (body.action()) {
            case "suspend" -> accounts.suspend(staff, id);
            case "unsuspend" -> accounts.unsuspend(staff, id);
            case "delete" -> accounts.delete(staff, id);
            case "send_password_reset" -> accounts.sendPasswordReset(id);
            case "add_tag" -> {
                accounts.find(id).orElseThrow(() -> ApiException.notFound("user"));
                if (!tags.add(id, body.tag())) {
                    throw ApiException.conflict("too_many_tags", "the user already has 50 tags");
                }
            }
            case "remove_tag" -> {
                accounts.find(id).orElseThrow(() -> ApiException.notFound("user"));
                tags.remove(id, body.tag());
            }
            default -> throw ApiException.invalid("action", "unknown action");
        }
    }
}
