package com.revolutiontradingpros.api.content.search;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;

/**
 * Meilisearch's REST API, the calls this module needs: indexes, settings, documents, search, swap and tasks. Writes
 * are asynchronous there: each answers 202 with a task, and {@link #await} polls it until it succeeds or fails.
 */
@Component
class Meilisearch {

    private final @Nullable RestClient client;
    private final MeilisearchProperties settings;

    Meilisearch(MeilisearchProperties settings) {
        this.settings = settings;
        if (!settings.enabled()) {
            this.client = null;
            return;
        }
        var http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
        var requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(settings.timeout());
        var builder = RestClient.builder().baseUrl(settings.url().replaceAll("/+$", "")).requestFactory(requests)
                .defaultHeader("Accept", MediaType.APPLICATION_JSON_VALUE);
        if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
            builder.defaultHeader("Authorization", "Bearer " + settings.apiKey());
        }
        this.client = builder.build();
    }

    /** What went wrong talking to Meilisearch: its own error message and code when it answered. */
    static final class Failure extends RuntimeException {
        Failure(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }

    boolean enabled() {
        return settings.enabled();
    }

    String index() {
        return settings.index();
    }

    long createIndex(String uid) {
        return task(call(() -> client().post().uri("/indexes").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("uid", uid, "primaryKey", "id")).retrieve().body(JsonNode.class)));
    }

    boolean indexExists(String uid) {
        try {
            client().get().uri("/indexes/{uid}", uid).retrieve().toBodilessEntity();
            return true;
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().value() == 404) {
                return false;
            }
            throw failure(e);
        } catch (RestClientException e) {
            throw failure(e);
        }
    }

    long deleteIndex(String uid) {
        return task(call(() -> client().delete().uri("/indexes/{uid}", uid).retrieve().body(JsonNode.class)));
    }

    long updateSettings(String uid, Map<String, Object> indexSettings) {
        return task(call(() -> client().patch().uri("/indexes/{uid}/settings", uid).contentType(MediaType.APPLICATION_JSON)
                .body(indexSettings).retrieve().body(JsonNode.class)));
    }

    long addDocuments(String uid, List<Map<String, @Nullable Object>> documents) {
        return task(call(() -> client().post().uri("/indexes/{uid}/documents?primaryKey=id", uid).contentType(MediaType.APPLICATION_JSON)
                .body(documents).retrieve().body(JsonNode.class)));
    }

    long deleteDocuments(String uid, List<String> ids) {
        return task(call(() -> client().post().uri("/indexes/{uid}/documents/delete-batch", uid).contentType(MediaType.APPLICATION_JSON)
                .body(ids).retrieve().body(JsonNode.class)));
    }

    long swapIndexes(String a, String b) {
        return task(call(() -> client().post().uri("/swap-indexes").contentType(MediaType.APPLICATION_JSON)
                .body(List.of(Map.of("indexes", List.of(a, b)))).retrieve().body(JsonNode.class)));
    }

    JsonNode search(String uid, Map<String, Object> query) {
        return call(() -> client().post().uri("/indexes/{uid}/search", uid).contentType(MediaType.APPLICATION_JSON).body(query)
                .retrieve().body(JsonNode.class));
    }

    /** Waits for a task to finish; a failed or cancelled task, or one still running after {@code within}, is a failure. */
    void await(long taskUid, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        long pause = 10;
        while (true) {
            JsonNode task = call(() -> client().get().uri("/tasks/{uid}", taskUid).retrieve().body(JsonNode.class));
            String status = task.path("status").asString("");
            switch (status) {
                case "succeeded" -> {
                    return;
                }
                case "failed", "canceled" -> throw new Failure("Meilisearch task " + taskUid + " " + status + ": "
                        + task.path("error").path("code").asString("") + " " + task.path("error").path("message").asString(""), null);
                default -> {
                    if (System.nanoTime() > deadline) {
                        throw new Failure("Meilisearch task " + taskUid + " is still " + status, null);
                    }
                    try {
                        Thread.sleep(pause);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new Failure("interrupted while waiting for Meilisearch", e);
                    }
                    pause = Math.min(pause * 2, 500);
                }
            }
        }
    }

    private RestClient client() {
        if (client == null) {
            throw new IllegalStateException("Meilisearch is not configured");
        }
        return client;
    }

    private static long task(JsonNode answer) {
        if (!answer.path("taskUid").canConvertToLong()) {
            throw new Failure("Meilisearch answered without a task: " + answer, null);
        }
        return answer.path("taskUid").asLong();
    }

    private static JsonNode call(java.util.function.Supplier<@Nullable JsonNode> request) {
        try {
            JsonNode answer = request.get();
            if (answer == null) {
                throw new Failure("Meilisearch answered with no body", null);
            }
            return answer;
        } catch (RestClientException e) {
            throw failure(e);
        }
    }

    private static Failure failure(RestClientException e) {
        if (e instanceof RestClientResponseException response) {
            return new Failure("Meilisearch answered " + response.getStatusCode().value() + ": " + response.getResponseBodyAsString(), e);
        }
        return new Failure("Meilisearch is unreachable: " + e.getMessage(), e);
    }
}
