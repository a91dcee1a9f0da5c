package com.revolutiontradingpros.api.platform.database;


import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.revolutiontradingpros.api.platform.AppProperties;

@Configuration(proxyBeanMethods = false)
class DatabaseConfig {

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseProperties properties, AppProperties app, EmbeddedDatabaseHolder embedded) {
        var config = new HikariConfig();
        if (properties.embedded()) {
            config.setJdbcUrl(embedded.start(app.dataDir()).jdbcUrl());
            config.setUsername("postgres");
        } else {
            var url = DatabaseUrl.parse(properties.url());
            config.setJdbcUrl(url.jdbcUrl());
            if (url.username() != null) {
                config.setUsername(url.username());
            }
            if (url.password() != null) {
                config.setPassword(url.password());
            }
        }
        config.setPoolName("db");
        config.setMaximumPoolSize(properties.poolSize());
        config.setMinimumIdle(Math.min(4, properties.poolSize()));
        config.setConnectionTimeout(properties.connectionTimeout().toMillis());
        config.setValidationTimeout(1000);
        // Start even while PostgreSQL is down: readiness reports it, and the pool connects once it is back.
        config.setInitializationFailTimeout(-1);
        config.addDataSourceProperty("connectTimeout", "2");
        config.addDataSourceProperty("tcpKeepAlive", "true");
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.addDataSourceProperty("options", "-c statement_timeout=" + properties.statementTimeout().toMillis()
                + " -c TimeZone=UTC");
        return new HikariDataSource(config);
    }

    @Bean(destroyMethod = "close")
    EmbeddedDatabaseHolder embeddedDatabaseHolder() {
        return new EmbeddedDatabaseHolder();
    }

    /** Owns the embedded server so it stops after the pool that uses it. */
    static final class EmbeddedDatabaseHolder implements AutoCloseable {
        private EmbeddedDatabase database;

        EmbeddedDatabase start(java.nio.file.Path dataDir) {
            database = EmbeddedDatabase.start(dataDir);
            return database;
        }

        @Override
        public void close() throws Exception {
            if (database != null) {
                database.close();
            }
        }
    }
}
