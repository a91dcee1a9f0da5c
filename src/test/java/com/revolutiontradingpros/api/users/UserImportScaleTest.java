package com.revolutiontradingpros.api.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.support.ApiTest;

/** 100,000 lines through the import: it finishes, and the heap does not grow with the file. */
class UserImportScaleTest extends ApiTest {

    @Test
    void importsAHundredThousandLines() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        var csv = new StringBuilder(8_000_000).append("email,name,roles,tags\r\n");
        for (int i = 0; i < 100_000; i++) {
            csv.append("bulk-").append(run).append('-').append(i).append("@example.com,Bulk Member ").append(i)
                    .append(",member,").append(i % 10 == 0 ? "imported" : "").append("\r\n");
        }
        var memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        var peak = new AtomicLong(baseline);
        var sampler = Thread.ofVirtual().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long started = System.nanoTime();
        var report = UserImportTest.importAndWait(as(Role.ADMIN), csv.toString(), Duration.ofMinutes(8));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        sampler.interrupt();
        System.out.printf("100,000-line import: %d s, heap baseline %d MB, peak %d MB%n", took.toSeconds(), baseline >> 20, peak.get() >> 20);
        assertThat(report.get("status").asString()).isEqualTo("done");
        assertThat(report.get("created").asInt()).isEqualTo(100_000);
        assertThat(report.get("failed").asInt()).isZero();
        // The file itself is 5 MB; holding its rows would take hundreds of MB more.
        assertThat(peak.get() - baseline).isLessThan(400L << 20);
    }
}
