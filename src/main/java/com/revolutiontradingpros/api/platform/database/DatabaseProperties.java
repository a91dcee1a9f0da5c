package com.revolutiontradingpros.api.platform.database;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param url DATABASE_URL: {@code postgres://user:password@host:5432/db?sslmode=require} or a JDBC URL;
 *        empty starts the embedded PostgreSQL with its files under the data folder
 * @param poolSize most connections this node opens (DB_POOL_SIZE)
 * @param connectionTimeout how long a request waits for a connection before answering 503
 * @param statementTimeout longest a statement may run (DB_STATEMENT_TIMEOUT), so a hung query cannot hold a request forever
 */
@Validated
@ConfigurationProperties("app.database")
public record DatabaseProperties(
        @DefaultValue("") String url,
        @Min(2) @Max(500) @DefaultValue("20") int poolSize,
        @DefaultValue("2s") Duration connectionTimeout,
        @DefaultValue("30s") Duration statementTimeout) {

    public boolean embedded() {
        return url.isBlank();
    }
}
