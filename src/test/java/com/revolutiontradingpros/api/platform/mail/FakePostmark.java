package com.revolutiontradingpros.api.platform.mail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local HTTP server answering {@code POST /email} as Postmark documents it: 401 with ErrorCode 10 for a bad
 * server token, 422 with ErrorCode 406 for an inactive recipient, and 200 with a MessageID otherwise. Recipients
 * at {@code flaky.example} get a 500, as during a Postmark outage.
 */
final class FakePostmark implements AutoCloseable {

    static final String TOKEN = "server-token-for-tests";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    final List<JsonNode> received = new CopyOnWriteArrayList<>();
    final List<Map<String, String>> headers = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    FakePostmark() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/email", this::email);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void email(HttpExchange exchange) throws IOException {
        headers.add(Map.of("token", String.valueOf(exchange.getRequestHeaders().getFirst("X-Postmark-Server-Token")),
                "content-type", String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")),
                "accept", String.valueOf(exchange.getRequestHeaders().getFirst("Accept"))));
        if (!"POST".equals(exchange.getRequestMethod())) {
            respond(exchange, 405, Map.of("ErrorCode", 0, "Message", "method not allowed"));
            return;
        }
        if (!TOKEN.equals(exchange.getRequestHeaders().getFirst("X-Postmark-Server-Token"))) {
            respond(exchange, 401, Map.of("ErrorCode", 10, "Message", "Request does not contain a valid Server token."));
            return;
        }
        JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        received.add(body);
        String to = body.path("To").asString("");
        if (to.endsWith("@flaky.example")) {
            respond(exchange, 500, Map.of("ErrorCode", 0, "Message", "Internal Server Error"));
        } else if (to.startsWith("inactive")) {
            respond(exchange, 422, Map.of("ErrorCode", 406, "Message",
                    "You tried to send to recipient(s) that have been marked as inactive."));
        } else if (!body.has("From") || !body.has("Subject")) {
            respond(exchange, 422, Map.of("ErrorCode", 300, "Message", "Invalid email request"));
        } else {
            respond(exchange, 200, Map.of("To", to, "SubmittedAt", Instant.now().toString(),
                    "MessageID", UUID.randomUUID().toString(), "ErrorCode", 0, "Message", "OK"));
        }
    }

    private static void respond(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
