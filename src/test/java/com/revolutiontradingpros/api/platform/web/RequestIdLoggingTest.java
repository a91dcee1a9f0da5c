package com.revolutiontradingpros.api.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.revolutiontradingpros.api.support.ApiTest;

/** Log lines are JSON and carry the request id of the request that wrote them. */
@ExtendWith(OutputCaptureExtension.class)
class RequestIdLoggingTest extends ApiTest {

    @Test
    void logLinesCarryTheRequestId(CapturedOutput output) {
        http.get("/_probe/crash", "X-Request-Id", "log-line-test-42");
        var line = output.getOut().lines().filter(l -> l.contains("unhandled error")).findFirst().orElseThrow();
        assertThat(line).startsWith("{").contains("\"request_id\":\"log-line-test-42\"").contains("\"level\":\"ERROR\"");
    }
}
