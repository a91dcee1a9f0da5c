package com.revolutiontradingpros.api.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.revolutiontradingpros.api.platform.security.AccessTokens;
import com.revolutiontradingpros.api.platform.security.CurrentUser;
import com.revolutiontradingpros.api.platform.security.Role;

/**
 * Base of the HTTP tests: the whole application on a random port, against this JVM's own PostgreSQL
 * database and Redis key prefix. Every test class that extends it shares one running application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApiTest {

    private static final AtomicLong NEXT_USER = new AtomicLong(1_000_000);
    private static final Path DATA_DIR = tempDir();

    @LocalServerPort
    protected int port;

    @Autowired
    protected AccessTokens accessTokens;

    protected Http http;

    /*
     * System properties rank below @DynamicPropertySource, so a test class can still point its own application
     * at another database or transport with a @DynamicPropertySource of its own.
     */
    static {
        System.setProperty("app.database.url", TestServices.databaseUrl());
        System.setProperty("app.redis.url", TestServices.REDIS_URL);
        System.setProperty("app.redis.key-prefix", TestServices.REDIS_PREFIX);
        System.setProperty("app.data-dir", DATA_DIR.toString());
        System.setProperty("app.rate-limits.default-capacity", "100000");
        // Tests stand for many clients: each may send its own X-Forwarded-For, trusted from 127.0.0.1.
        System.setProperty("server.forward-headers-strategy", "native");
    }

    @BeforeEach
    void connect() {
        http = new Http("http://127.0.0.1:" + port);
    }

    /** The password of members made by {@link #signUp}. */
    protected static final String MEMBER_PASSWORD = "Tr4ding-Desk-Blue-42";

    /** A member who signed up through the API, with a client signed in as them from their own IP address. */
    protected record Member(long id, String email, Http client) {
    }

    protected Member signUp(String name) {
        var client = http.fromNewIp();
        String email = "member-" + UUID.randomUUID() + "@example.com";
        var response = client.post("/auth/register", "{\"email\":\"%s\",\"password\":\"%s\",\"name\":\"%s\"}"
                .formatted(email, MEMBER_PASSWORD, name));
        if (response.status() != 201) {
            throw new AssertionError("sign-up failed: " + response);
        }
        return new Member(response.json().get("user").get("id").asLong(), email,
                client.withToken(response.json().get("access_token").asString()));
    }

    /** A client signed in as a new user with these roles (the member role is always included). */
    protected Http as(Role... roles) {
        return http.withToken(tokenFor(NEXT_USER.incrementAndGet(), roles));
    }

    protected String tokenFor(long userId, Role... roles) {
        var all = new java.util.HashSet<>(Set.of(roles));
        all.add(Role.MEMBER);
        return accessTokens.issue(new CurrentUser(userId, UUID.randomUUID().toString(), Set.copyOf(all), null));
    }

    public static Path dataDir() {
        return DATA_DIR;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("rtp-test-data");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
