package com.revolutiontradingpros.api.users.admin;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import com.revolutiontradingpros.api.platform.paging.PageQuery;
import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.platform.web.FieldErrors;
import com.revolutiontradingpros.api.users.tags.UserTags;

/** The staff's user filter, shared by the list and the CSV export: checked values, dates and the tag's users. */
public record UserFilter(@Nullable Instant createdFrom, @Nullable Instant createdTo, @Nullable List<Long> only) {

    private static final Set<String> STATUSES = Set.of("active", "suspended", "deleted");

    /** The filter, or a 422 naming every bad value. */
    public static UserFilter of(PageQuery query, @Nullable String createdFrom, @Nullable String createdTo, UserTags tags) {
        var errors = new FieldErrors();
        query.filter("role").filter(role -> Role.fromWireName(role).isEmpty())
                .ifPresent(role -> errors.add("filter[role]", "must be member, author, editor, admin or super_admin"));
        query.filter("status").filter(status -> !STATUSES.contains(status))
                .ifPresent(status -> errors.add("filter[status]", "must be active, suspended or deleted"));
        for (String flag : List.of("verified", "mfa")) {
            query.filter(flag).filter(value -> !value.equals("true") && !value.equals("false"))
                    .ifPresent(value -> errors.add("filter[" + flag + "]", "must be true or false"));
        }
        Instant from = errors.instant(createdFrom, "created_from");
        Instant to = errors.instant(createdTo, "created_to");
        errors.throwIfAny();
        return new UserFilter(from, to, query.filter("tag").map(tags::usersWith).orElse(null));
    }
}
