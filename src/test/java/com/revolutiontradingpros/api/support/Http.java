package com.revolutiontradingpros.api.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A real HTTP client aimed at the running application. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final String baseUrl;
    private final Map<String, String> defaultHeaders;

    public Http(String baseUrl) {
        this(baseUrl, Map.of());
    }

    private Http(String baseUrl, Map<String, String> defaultHeaders) {
        this.baseUrl = baseUrl;
        this.defaultHeaders = defaultHeaders;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The same client sending a bearer token on every request. */
    public Http withToken(String token) {
        return withHeader("Authorization", "Bearer " + token);
    }

    /** The same client appearing to come from its own random IP address (through X-Forwarded-For). */
    public Http fromNewIp() {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        return withHeader("X-Forwarded-For", "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254)));
    }

    public Http withHeader(String name, String value) {
        var headers = new LinkedHashMap<>(defaultHeaders);
        headers.put(name, value);
        return new Http(baseUrl, headers);
    }

    public Response get(String path, String... headers) {
        return send("GET", path, null, (byte[]) null, headers);
    }

    public Response delete(String path, String... headers) {
        return send("DELETE", path, null, (byte[]) null, headers);
    }

    public Response post(String path, String json, String... headers) {
        return send("POST", path, "application/json", json, headers);
    }

    public Response put(String path, String json, String... headers) {
        return send("PUT", path, "application/json", json, headers);
    }

    public Response patch(String path, String json, String... headers) {
        return send("PATCH", path, "application/json", json, headers);
    }

    /** A multipart/form-data POST with one file part. */
    public Response postFile(String path, String field, String filename, String contentType, byte[] content) {
        return sendFile("POST", path, field, filename, contentType, content);
    }

    /** A multipart/form-data request with one file part. */
    public Response sendFile(String method, String path, String field, String filename, String contentType, byte[] content) {
        return sendForm(method, path, Map.of(), field, filename, contentType, content);
    }

    /** A multipart/form-data request with text fields and one file part. */
    public Response sendForm(String method, String path, Map<String, String> fields, String field, String filename,
            String contentType, byte[] content) {
        String boundary = "----rtp" + java.util.UUID.randomUUID();
        var body = new java.io.ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        body.writeBytes(head);
        body.writeBytes(content);
        body.writeBytes(tail);
        return send(method, path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    public Response send(String method, String path, String contentType, String body, String... headers) {
        return send(method, path, contentType, body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8), headers);
    }

    public Response send(String method, String path, String contentType, byte[] body, String... headers) {
        var builder = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        defaultHeaders.forEach(builder::header);
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.setHeader(headers[i], headers[i + 1]);
        }
        try {
            var started = System.nanoTime();
            HttpResponse<byte[]> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.headers(), response.body(),
                    Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
