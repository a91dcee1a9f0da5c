package com.revolutiontradingpros.api.content.posts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** The search document of a post (rule 33): public text only, and none for what the public cannot list. */
@Service
public class PostSearchDocuments {

    private final PostRepository posts;
    private final Clock clock;

    PostSearchDocuments(PostRepository posts, Clock clock) {
        this.posts = posts;
        this.clock = clock;
    }

    public record Document(String type, long id, String title, String summary, String body, String url, boolean locked,
            @Nullable Instant publishedAt) {
    }

    /** Every post and page the public can list, for rebuilding the index. */
    public List<Long> publishedIds(List<String> types) {
        return posts.publishedIds(types, Instant.now(clock));
    }

    /** Empty when the post is not published (drafts, archived, trashed and deleted posts are never searchable). */
    public Optional<Document> of(long postId) {
        Instant now = Instant.now(clock);
        return posts.find(postId)
                .filter(p -> !p.trashed() && p.status().equals("published") && p.publishedAt() != null && !p.publishedAt().isAfter(now))
                .map(p -> new Document(p.type(), p.id(), p.title(), p.shownExcerpt(), p.publicText(), p.url(), p.gated(), p.publishedAt()));
    }
}
