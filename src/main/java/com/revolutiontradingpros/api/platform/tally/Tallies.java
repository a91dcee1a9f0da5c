package com.revolutiontradingpros.api.platform.tally;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts per key added up in memory and handed to a writer every period (and when the application stops), one
 * call per key with the sums, so many increments of one row become one statement. A failed write keeps its
 * counts for the next round. What a node holds when it dies (at most one period) is lost: use it for statistics,
 * never for money or access.
 *
 * @param <K> what is counted, such as a video and day
 */
public final class Tallies<K> implements AutoCloseable {

    /** Stores the sums of one key; an exception keeps them for the next round. */
    @FunctionalInterface
    public interface Writer<K> {
        void write(K key, long[] sums);
    }

    private static final Logger log = LoggerFactory.getLogger(Tallies.class);

    private final String name;
    private final int width;
    private final Writer<K> writer;
    private final Map<K, long[]> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService flusher;

    /**
     * @param name for the flushing thread and the log
     * @param width how many numbers are counted per key
     */
    public Tallies(String name, int width, Duration period, Writer<K> writer) {
        this.name = name;
        this.width = width;
        this.writer = writer;
        this.flusher = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name(name).factory());
        flusher.scheduleWithFixedDelay(this::flushQuietly, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Adds the amounts (as many as the width) to the key's sums. */
    public void add(K key, long... amounts) {
        if (amounts.length != width) {
            throw new IllegalArgumentException(name + " counts " + width + " numbers per key, not " + amounts.length);
        }
        pending.compute(key, (k, sums) -> {
            long[] added = sums == null ? new long[width] : sums;
            for (int i = 0; i < width; i++) {
                added[i] += amounts[i];
            }
            return added;
        });
    }

    /** Writes every key's sums now; the first failure is thrown after its counts are put back. */
    public void flush() {
        for (var key : pending.keySet()) {
            long[] sums = pending.remove(key);
            if (sums == null) {
                continue;
            }
            try {
                writer.write(key, sums);
            } catch (RuntimeException e) {
                pending.merge(key, sums, (later, failed) -> {
                    for (int i = 0; i < width; i++) {
                        later[i] += failed[i];
                    }
                    return later;
                });
                throw e;
            }
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("writing {} failed; the counts are kept for the next round", name, e);
        }
    }

    @Override
    public void close() {
        flusher.shutdown();
        flushQuietly();
    }
}
