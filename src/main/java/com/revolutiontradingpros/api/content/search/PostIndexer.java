package com.revolutiontradingpros.api.content.search;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.revolutiontradingpros.api.content.PostDeleted;
import com.revolutiontradingpros.api.content.PostPublished;
import com.revolutiontradingpros.api.content.PostUnpublished;
import com.revolutiontradingpros.api.content.PostUpdated;
import com.revolutiontradingpros.api.content.posts.PostSearchDocuments;

/**
 * Keeps posts' search documents current from the post events, after their commit and outside the request; the
 * event publication registry retries a failed indexing until it is done.
 */
@Component
class PostIndexer {

    private final PostSearchDocuments posts;
    private final SearchDocuments documents;

    PostIndexer(PostSearchDocuments posts, SearchDocuments documents) {
        this.posts = posts;
        this.documents = documents;
    }

    @ApplicationModuleListener
    void on(PostPublished event) {
        reindex(event.id());
    }

    @ApplicationModuleListener
    void on(PostUpdated event) {
        reindex(event.id());
    }

    @ApplicationModuleListener
    void on(PostUnpublished event) {
        reindex(event.id());
    }

    @ApplicationModuleListener
    void on(PostDeleted event) {
        documents.removePost(event.id());
    }

    /** Reads the post as it is now, so events handled out of order still leave the right document. */
    private void reindex(long postId) {
        documents.removePost(postId);
        posts.of(postId).ifPresent(documents::upsert);
    }
}
