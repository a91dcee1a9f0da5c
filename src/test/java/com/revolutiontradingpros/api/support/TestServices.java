package com.revolutiontradingpros.api.support;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

import com.revolutiontradingpros.api.platform.database.DatabaseUrl;

/**
 * The machine's real PostgreSQL and Redis, as {@code .ci/run} exports them. Each test JVM gets its own
 * database (dropped when the JVM exits) and its own Redis key prefix, so runs never see each other's data.
 */
public final class TestServices {

    public static final String SERVER_URL = env("TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/test");
    public static final String REDIS_URL = env("TEST_REDIS_URL", "redis://127.0.0.1:6379");
    public static final String RUN_ID = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    public static final String REDIS_PREFIX = "rtp-test-" + RUN_ID + ":";

    private static String databaseUrl;

    private TestServices() {
    }

    /** A fresh database for this JVM, created on first use. */
    public static synchronized String databaseUrl() {
        if (databaseUrl == null) {
            databaseUrl = createDatabase("rtp_t_" + RUN_ID);
        }
        return databaseUrl;
    }

    /** Another fresh database, for tests that need an empty one of their own. */
    public static String createDatabase(String name) {
        var server = DatabaseUrl.parse(SERVER_URL);
        execute(server, "CREATE DATABASE " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> execute(server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")));
        String jdbc = server.jdbcUrl();
        int slash = jdbc.indexOf('/', "jdbc:postgresql://".length());
        int query = jdbc.indexOf('?', slash);
        String url = jdbc.substring(0, slash + 1) + name + (query < 0 ? "" : jdbc.substring(query));
        String user = server.username() == null ? "" : "user=" + server.username();
        String password = server.password() == null ? "" : "&password=" + server.password();
        return user.isEmpty() ? url : url + (url.contains("?") ? "&" : "?") + user + password;
    }

    private static void execute(DatabaseUrl server, String sql) {
        try (var connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
             var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on the test PostgreSQL: " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
