package com.revolutiontradingpros.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import tools.jackson.databind.JsonNode;

import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.support.ApiTest;
import com.revolutiontradingpros.api.support.Http;
import com.revolutiontradingpros.api.support.Outbox;

/** Sign-up and sign-in helpers for the auth tests; each test signs up its own members from its own IP. */
abstract class AuthTestSupport extends ApiTest {

    static final String PASSWORD = "Tr4ding-Desk-Blue-42";

    protected Http client() {
        return http.fromNewIp();
    }

    protected Outbox outbox() {
        return new Outbox(as(Role.ADMIN));
    }

    static String newEmail() {
        return "member-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
    }

    /** Registers a member and returns the sign-up answer (tokens and user). */
    protected JsonNode register(Http client, String email) {
        var response = client.post("/auth/register", """
                {"email":"%s","password":"%s","name":"Test Trader"}""".formatted(email, PASSWORD));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    protected JsonNode login(Http client, String email, String password) {
        var response = client.post("/auth/login", """
                {"email":"%s","password":"%s"}""".formatted(email, password));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    static String bearer(JsonNode tokens) {
        return tokens.get("access_token").asString();
    }
}
