package com.revolutiontradingpros.api.content.posts;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.revolutiontradingpros.api.content.categories.Categories;
import com.revolutiontradingpros.api.content.tags.Tags;
import com.revolutiontradingpros.api.platform.paging.PageQuery;
import com.revolutiontradingpros.api.platform.security.CurrentUser;
import com.revolutiontradingpros.api.users.PublicProfiles;
import com.revolutiontradingpros.api.platform.web.FieldErrors;

/** The filters of the staff list (row 9), also used by the export (row 32): checked, then resolved to ids. */
@Component
class StaffFilters {

    static final String[] NAMES = {"status", "type", "author", "category", "tag", "visibility"};

    private final Categories categories;
    private final Tags tags;
    private final PublicProfiles profiles;

    StaffFilters(Categories categories, Tags tags, PublicProfiles profiles) {
        this.categories = categories;
        this.tags = tags;
        this.profiles = profiles;
    }

    /** Unknown categories, tags and authors match nothing rather than everything. */
    PostQueries.Filter of(CurrentUser caller, PageQuery query) {
        var errors = new FieldErrors();
        String status = query.filter("status").orElse(null);
        if (status != null && !Set.of("draft", "scheduled", "published", "archived", "trashed").contains(status)) {
            errors.add("filter[status]", "must be draft, scheduled, published, archived or trashed");
        }
        String type = query.filter("type").orElse("post");
        if (!type.equals("post") && !type.equals("page")) {
            errors.add("filter[type]", "must be post or page");
        }
        String visibility = query.filter("visibility").orElse(null);
        if (visibility != null && !Set.of("public", "members", "paid").contains(visibility)) {
            errors.add("filter[visibility]", "must be public, members or paid");
        }
        errors.throwIfAny();
        Long author = query.filter("author").map(a -> a.matches("\\d{1,18}") ? Long.valueOf(a)
                : profiles.findBySlug(a).map(PublicProfiles.PublicProfile::id).orElse(-1L)).orElse(null);
        List<Long> categoryIds = query.filter("category").map(c -> categories.withDescendants(c).orElse(List.of(-1L))).orElse(null);
        Long tag = query.filter("tag").map(t -> tags.find(t).map(Tags.Ref::id).orElse(-1L)).orElse(null);
        return new PostQueries.Filter(type, categoryIds, tag, author, visibility, null, null, null, null, query.search().orElse(null),
                status, PostRules.isEditor(caller) ? null : caller.id());
    }
}
