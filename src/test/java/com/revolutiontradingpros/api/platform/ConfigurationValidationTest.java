package com.revolutiontradingpros.api.platform;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;

import com.revolutiontradingpros.api.Application;
import com.revolutiontradingpros.api.support.ApiTest;

/** A wrong setting stops the service at start with a message that names it, never later at first use. */
class ConfigurationValidationTest {

    static {
        // The shared test settings (database, Redis) as the HTTP tests use them.
        ApiTest.dataDir();
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "app.mail.transport|pigeon|must be outbox, postmark or smtp",
            "app.mail.transport|postmark|POSTMARK_SERVER_TOKEN",
            "app.mail.transport|smtp|SMTP_HOST",
            "app.database.pool-size|1|poolSize",
            "app.storage.access-key-id|only-half|S3_SECRET_ACCESS_KEY",
            "app.bootstrap.admin-password|short|ADMIN_PASSWORD must be at least 12 characters"})
    void badSettingsStopTheStartWithAClearMessage(String property, String value, String message) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(Application.class)
                .run("--server.port=0", "--" + property + "=" + value).close())
                .hasStackTraceContaining(message);
    }

    @Test
    void aMalformedDatabaseUrlIsNamed() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(Application.class)
                .run("--server.port=0", "--app.database.url=mysql://localhost/db").close())
                .hasStackTraceContaining("DATABASE_URL must start with postgres://");
    }
}
