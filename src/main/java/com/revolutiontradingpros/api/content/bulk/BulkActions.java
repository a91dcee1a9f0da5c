package com.revolutiontradingpros.api.content.bulk;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

import org.jspecify.annotations.Nullable;

import com.revolutiontradingpros.api.platform.web.ApiException;

/**
 * Rule 15 of 04-content: a bulk action takes distinct ids, runs each on its own with the single endpoint's rules, and
 * answers 200 with a result per id, a failure carrying its problem code.
 */
public final class BulkActions {

    private BulkActions() {
    }

    public record BulkResult(long id, boolean ok, @Nullable String code) {
    }

    public record BulkAnswer(List<BulkResult> results, int succeeded, int failed) {
    }

    /** 422 on {@code ids} when they repeat. */
    public static void requireDistinct(List<Long> ids) {
        if (ids.stream().distinct().count() != ids.size()) {
            throw ApiException.invalid("ids", "must be distinct");
        }
    }

    /** Runs the action for each id in order; an ApiException becomes that id's failure. */
    public static BulkAnswer run(List<Long> ids, LongConsumer action) {
        var results = new ArrayList<BulkResult>(ids.size());
        for (long id : ids) {
            try {
                action.accept(id);
                results.add(new BulkResult(id, true, null));
            } catch (ApiException e) {
                results.add(new BulkResult(id, false, e.code()));
            }
        }
        int ok = (int) results.stream().filter(BulkResult::ok).count();
        return new BulkAnswer(results, ok, results.size() - ok);
    }
}
