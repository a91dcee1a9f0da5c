package com.revolutiontradingpros.api.support;

import java.time.Duration;

/** Retries an assertion until it holds, for work the application finishes in the background. */
public final class Eventually {

    private Eventually() {
    }

    public static void within(Duration timeout, Runnable assertion) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError | RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
