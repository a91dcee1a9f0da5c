package com.revolutiontradingpros.api.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Meilisearch stand-in on loopback that speaks the documented REST format the client uses: Bearer keys, indexes,
 * settings, documents (add and delete-batch), search with {@code type IN [...]} filters, facets, highlight and crop,
 * swap-indexes and asynchronous tasks (each write answers 202 with a task that reports {@code processing} once, then
 * its outcome). Matching is simple: every query word must appear in a document, exactly, through a synonym, as a prefix
 * (last word) or within one typo (words of 4 letters or more).
 */
public final class FakeMeilisearch implements AutoCloseable {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern FILTER = Pattern.compile("^type IN \\[([^\\]]*)\\]$");

    private final HttpServer server;
    private final String key;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Index> indexes = new ConcurrentHashMap<>();
    private final Map<Long, ObjectNode> tasks = new ConcurrentHashMap<>();
    private final Map<Long, Boolean> polledOnce = new ConcurrentHashMap<>();
    private final AtomicLong nextTask = new AtomicLong();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile boolean down;

    private static final class Index {
        final Map<String, Map<String, Object>> documents = new ConcurrentHashMap<>();
        volatile Map<String, Object> settings = new LinkedHashMap<>();
    }

    private FakeMeilisearch(String key) throws IOException {
        this.key = key;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    public static FakeMeilisearch start(String key) {
        try {
            return new FakeMeilisearch(key);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** While down, every request answers 503 as an overloaded or restarting server would. */
    public void down(boolean isDown) {
        this.down = isDown;
    }

    public Map<String, Map<String, Object>> documents(String index) {
        var found = indexes.get(index);
        return found == null ? Map.of() : Map.copyOf(found.documents);
    }

    public Map<String, Object> settings(String index) {
        var found = indexes.get(index);
        return found == null ? Map.of() : found.settings;
    }

    public Set<String> indexes() {
        return Set.copyOf(indexes.keySet());
    }

    /** "METHOD /path" of every request received, in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            requests.add(method + " " + path);
            if (down) {
                error(exchange, 503, "Meilisearch is restarting", "internal", "internal");
                return;
            }
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth == null) {
                error(exchange, 401, "The Authorization header is missing. It must use the bearer authorization method.",
                        "missing_authorization_header", "auth");
                return;
            }
            if (!auth.equals("Bearer " + key)) {
                error(exchange, 403, "The provided API key is invalid.", "invalid_api_key", "auth");
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            JsonNode input = body.length == 0 ? json.nullNode() : json.readTree(body);
            route(exchange, method, path, input);
        } catch (RuntimeException e) {
            error(exchange, 400, "bad request: " + e.getMessage(), "bad_request", "invalid_request");
        }
    }

    private void route(HttpExchange exchange, String method, String path, JsonNode input) throws IOException {
        Matcher m;
        if (method.equals("GET") && path.equals("/health")) {
            send(exchange, 200, Map.of("status", "available"));
        } else if (method.equals("POST") && path.equals("/indexes")) {
            String uid = input.path("uid").asString();
            accepted(exchange, uid, "indexCreation", () -> {
                if (indexes.putIfAbsent(uid, new Index()) != null) {
                    return "index_already_exists";
                }
                return null;
            });
        } else if ((m = match("/indexes/([^/]+)", path)) != null && method.equals("GET")) {
            if (indexes.containsKey(m.group(1))) {
                send(exchange, 200, Map.of("uid", m.group(1), "primaryKey", "id"));
            } else {
                error(exchange, 404, "Index `" + m.group(1) + "` not found.", "index_not_found", "invalid_request");
            }
        } else if ((m = match("/indexes/([^/]+)", path)) != null && method.equals("DELETE")) {
            String uid = m.group(1);
            accepted(exchange, uid, "indexDeletion", () -> indexes.remove(uid) == null ? "index_not_found" : null);
        } else if ((m = match("/indexes/([^/]+)/settings", path)) != null && method.equals("PATCH")) {
            String uid = m.group(1);
            Map<String, Object> changed = json.convertValue(input, Map.class);
            accepted(exchange, uid, "settingsUpdate", () -> {
                var index = indexes.computeIfAbsent(uid, x -> new Index());
                var merged = new LinkedHashMap<>(index.settings);
                merged.putAll(changed);
                index.settings = merged;
                return null;
            });
        } else if ((m = match("/indexes/([^/]+)/settings", path)) != null && method.equals("GET")) {
            send(exchange, 200, settings(m.group(1)));
        } else if ((m = match("/indexes/([^/]+)/documents", path)) != null && method.equals("POST")) {
            String uid = m.group(1);
            List<Map<String, Object>> documents = json.convertValue(input, List.class);
            accepted(exchange, uid, "documentAdditionOrUpdate", () -> {
                var index = indexes.computeIfAbsent(uid, x -> new Index());
                documents.forEach(doc -> index.documents.put(String.valueOf(doc.get("id")), doc));
                return null;
            });
        } else if ((m = match("/indexes/([^/]+)/documents/delete-batch", path)) != null && method.equals("POST")) {
            String uid = m.group(1);
            List<Object> ids = json.convertValue(input, List.class);
            accepted(exchange, uid, "documentDeletion", () -> {
                var index = indexes.get(uid);
                if (index != null) {
                    ids.forEach(id -> index.documents.remove(String.valueOf(id)));
                }
                return null;
            });
        } else if ((m = match("/indexes/([^/]+)/search", path)) != null && method.equals("POST")) {
            var index = indexes.get(m.group(1));
            if (index == null) {
                error(exchange, 404, "Index `" + m.group(1) + "` not found.", "index_not_found", "invalid_request");
                return;
            }
            search(exchange, index, input);
        } else if (method.equals("POST") && path.equals("/swap-indexes")) {
            var pairs = new ArrayList<List<String>>();
            input.forEach(pair -> pairs.add(List.of(pair.path("indexes").get(0).asString(), pair.path("indexes").get(1).asString())));
            accepted(exchange, null, "indexSwap", () -> {
                for (var pair : pairs) {
                    var a = indexes.get(pair.get(0));
                    var b = indexes.get(pair.get(1));
                    if (a == null || b == null) {
                        return "index_not_found";
                    }
                    indexes.put(pair.get(0), b);
                    indexes.put(pair.get(1), a);
                }
                return null;
            });
        } else if ((m = match("/tasks/(\\d+)", path)) != null && method.equals("GET")) {
            long uid = Long.parseLong(m.group(1));
            var task = tasks.get(uid);
            if (task == null) {
                error(exchange, 404, "Task `" + uid + "` not found.", "task_not_found", "invalid_request");
                return;
            }
            if (polledOnce.putIfAbsent(uid, true) == null) {
                var processing = task.deepCopy();
                processing.put("status", "processing");
                processing.remove("error");
                send(exchange, 200, processing);
            } else {
                send(exchange, 200, task);
            }
        } else {
            error(exchange, 404, "Not found: " + method + " " + path, "not_found", "invalid_request");
        }
    }

    /** Applies the operation at once and answers 202 with a task that reports its outcome. */
    private void accepted(HttpExchange exchange, String indexUid, String type, java.util.function.Supplier<String> operation) throws IOException {
        long uid = nextTask.getAndIncrement();
        String failure = operation.get();
        var task = json.createObjectNode();
        task.put("uid", uid);
        task.put("indexUid", indexUid);
        task.put("type", type);
        task.put("status", failure == null ? "succeeded" : "failed");
        if (failure != null) {
            var error = task.putObject("error");
            error.put("message", failure.replace('_', ' '));
            error.put("code", failure);
            error.put("type", "invalid_request");
            error.put("link", "https://docs.meilisearch.com/errors#" + failure);
        }
        tasks.put(uid, task);
        var summary = new LinkedHashMap<String, Object>();
        summary.put("taskUid", uid);
        summary.put("indexUid", indexUid);
        summary.put("status", "enqueued");
        summary.put("type", type);
        summary.put("enqueuedAt", Instant.now().toString());
        send(exchange, 202, summary);
    }

    @SuppressWarnings("unchecked")
    private void search(HttpExchange exchange, Index index, JsonNode input) throws IOException {
        var settings = index.settings;
        var stopWords = new java.util.HashSet<>((List<String>) settings.getOrDefault("stopWords", List.of()));
        var synonyms = (Map<String, List<String>>) settings.getOrDefault("synonyms", Map.of());
        var words = WORD.matcher(input.path("q").asString("").toLowerCase(Locale.ROOT)).results().map(r -> r.group())
                .filter(w -> !stopWords.contains(w)).toList();
        List<String> types = null;
        if (input.has("filter")) {
            var filter = FILTER.matcher(input.path("filter").asString().strip());
            if (!filter.matches()) {
                error(exchange, 400, "Invalid filter", "invalid_search_filter", "invalid_request");
                return;
            }
            types = List.of(filter.group(1).split("\\s*,\\s*")).stream().map(t -> t.replace("\"", "").strip()).toList();
        }
        var matches = new ArrayList<Map<String, Object>>();
        for (var doc : index.documents.values()) {
            if (types != null && !types.contains(String.valueOf(doc.get("type")))) {
                continue;
            }
            var docWords = WORD.matcher((doc.get("title") + " " + doc.get("summary") + " " + doc.get("body")).toLowerCase(Locale.ROOT))
                    .results().map(r -> r.group()).toList();
            boolean all = true;
            for (int i = 0; i < words.size() && all; i++) {
                all = matchesAny(words.get(i), i == words.size() - 1, docWords, synonyms);
            }
            if (all) {
                matches.add(doc);
            }
        }
        matches.sort(Comparator.<Map<String, Object>>comparingDouble(d -> -((Number) d.getOrDefault("boost", 1)).doubleValue())
                .thenComparing(d -> -(d.get("published_at") instanceof Number n ? n.longValue() : 0L)));
        var facets = new LinkedHashMap<String, Long>();
        matches.forEach(doc -> facets.merge(String.valueOf(doc.get("type")), 1L, Long::sum));
        int offset = input.path("offset").asInt(0);
        int limit = input.path("limit").asInt(20);
        String pre = input.path("highlightPreTag").asString("<em>");
        String post = input.path("highlightPostTag").asString("</em>");
        int crop = input.path("cropLength").asInt(10);
        var retrieve = input.has("attributesToRetrieve") ? json.convertValue(input.get("attributesToRetrieve"), List.class) : null;
        var hits = new ArrayList<Map<String, Object>>();
        for (var doc : matches.subList(Math.min(offset, matches.size()), Math.min(offset + limit, matches.size()))) {
            var hit = new LinkedHashMap<String, Object>();
            doc.forEach((field, value) -> {
                if (retrieve == null || retrieve.contains(field)) {
                    hit.put(field, value);
                }
            });
            var formatted = new LinkedHashMap<String, Object>();
            for (String field : List.of("title", "summary", "body")) {
                formatted.put(field, highlight(String.valueOf(doc.getOrDefault(field, "")), words, synonyms, pre, post, crop));
            }
            hit.put("_formatted", formatted);
            hits.add(hit);
        }
        var answer = new LinkedHashMap<String, Object>();
        answer.put("hits", hits);
        answer.put("query", input.path("q").asString(""));
        answer.put("processingTimeMs", 1);
        answer.put("limit", limit);
        answer.put("offset", offset);
        answer.put("estimatedTotalHits", matches.size());
        answer.put("facetDistribution", Map.of("type", facets));
        send(exchange, 200, answer);
    }

    private static boolean matchesAny(String word, boolean last, List<String> docWords, Map<String, List<String>> synonyms) {
        var candidates = new ArrayList<String>(List.of(word));
        candidates.addAll(synonyms.getOrDefault(word, List.of()));
        for (String candidate : candidates) {
            for (String docWord : docWords) {
                if (docWord.equals(candidate) || last && docWord.startsWith(candidate)
                        || candidate.length() >= 4 && oneEditApart(candidate, docWord)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean oneEditApart(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        int i = 0;
        int j = 0;
        int edits = 0;
        while (i < a.length() && j < b.length()) {
            if (a.charAt(i) == b.charAt(j)) {
                i++;
                j++;
                continue;
            }
            if (++edits > 1) {
                return false;
            }
            if (a.length() > b.length()) {
                i++;
            } else if (a.length() < b.length()) {
                j++;
            } else if (i + 1 < a.length() && a.charAt(i) == b.charAt(j + 1) && a.charAt(i + 1) == b.charAt(j)) {
                i += 2;
                j += 2;
            } else {
                i++;
                j++;
            }
        }
        return edits + (a.length() - i) + (b.length() - j) <= 1;
    }

    /** The text cut to {@code crop} words around the first match, with matched words wrapped in the tags. */
    private static String highlight(String text, List<String> words, Map<String, List<String>> synonyms, String pre, String post, int crop) {
        var tokens = List.of(text.split("\\s+"));
        int first = -1;
        var out = new ArrayList<String>();
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            String bare = token.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
            boolean hit = !bare.isEmpty() && words.stream().anyMatch(w -> matchesAny(w, true, List.of(bare), synonyms));
            if (hit && first < 0) {
                first = i;
            }
            out.add(hit ? pre + token + post : token);
        }
        int start = Math.max(0, first < 0 ? 0 : first - crop / 3);
        return String.join(" ", out.subList(start, Math.min(out.size(), start + crop)));
    }

    private static Matcher match(String regex, String path) {
        var m = Pattern.compile("^" + regex + "$").matcher(path);
        return m.matches() ? m : null;
    }

    private void error(HttpExchange exchange, int status, String message, String code, String type) throws IOException {
        send(exchange, status, Map.of("message", message, "code", code, "type", type, "link", "https://docs.meilisearch.com/errors#" + code));
    }

    private void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
