package com.revolutiontradingpros.api.content.search;

import java.time.Duration;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.revolutiontradingpros.api.platform.cache.Caches;
import com.revolutiontradingpros.api.platform.cache.NamedCache;

/**
 * Answers to searches, kept until the documents, the settings or the engine's index change (on every node), and a
 * minute at most. Broad words of a trading site ("options", "stop loss") match most documents, and ranking them
 * all on every keystroke of every visitor would be the most expensive read of the API.
 */
@Component
class SearchResults {

    /** What a search found and which engine found it. */
    record Answer(SearchController.Found found, String backend) {
    }

    private final NamedCache<Answer> answers;
    // One instance: a transaction keeps its synchronizations in a set, so many changes in it drop the answers once.
    private final TransactionSynchronization dropAfterCommit = new TransactionSynchronization() {
        @Override
        public void afterCommit() {
            answers.invalidateAll();
        }
    };

    SearchResults(Caches caches) {
        this.answers = caches.create("content.search-results", Duration.ofMinutes(1), 10_000);
    }

    Answer get(String key, Supplier<Answer> search) {
        return answers.get(key, k -> search.get());
    }

    /** Something searches can see changed: drop every answer once the change is committed. */
    void changed() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(dropAfterCommit);
        } else {
            answers.invalidateAll();
        }
    }
}
