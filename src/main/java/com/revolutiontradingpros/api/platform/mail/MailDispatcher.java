package com.revolutiontradingpros.api.platform.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers stored messages. A failed attempt is retried after 30 s, 1, 2, 4 … minutes (capped at 1 h) until
 * {@code maxAttempts}; a refusal that can never succeed fails the message at once.
 */
class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final int BATCH = 50;

    private final MailRepository repository;
    private final MailTransport transport;
    private final int maxAttempts;
    private final Clock clock;

    MailDispatcher(MailRepository repository, MailTransport transport, int maxAttempts, Clock clock) {
        this.repository = repository;
        this.transport = transport;
        this.maxAttempts = maxAttempts;
        this.clock = clock;
    }

    /** Sends every due message; returns how many were attempted. */
    int dispatchDue() {
        int attempted = 0;
        while (true) {
            var batch = repository.claim(null, BATCH, Instant.now(clock), LEASE);
            batch.forEach(this::deliver);
            attempted += batch.size();
            if (batch.size() < BATCH) {
                return attempted;
            }
        }
    }

    /** Sends one message now if it is still due (another node may already have taken it). */
    void dispatch(long id) {
        repository.claim(id, 1, Instant.now(clock), LEASE).forEach(this::deliver);
    }

    private void deliver(StoredMail mail) {
        try {
            var delivery = transport.deliver(mail.outgoing());
            repository.markDelivered(mail.id(), delivery.stored(), delivery.providerMessageId(), Instant.now(clock));
        } catch (MailDeliveryException e) {
            failed(mail, e.getMessage(), e.permanent());
        } catch (RuntimeException e) {
            failed(mail, "unexpected failure: " + e, false);
        }
    }

    private void failed(StoredMail mail, @Nullable String error, boolean permanent) {
        String reason = error == null ? "unknown error" : error.length() > 1000 ? error.substring(0, 1000) : error;
        if (permanent || mail.attempts() >= maxAttempts) {
            log.warn("mail {} to {} failed for good after {} attempts: {}", mail.id(), mail.to(), mail.attempts(), reason);
            repository.markFailed(mail.id(), reason);
        } else {
            Instant next = Instant.now(clock).plus(backoff(mail.attempts()));
            log.info("mail {} attempt {} failed, retrying at {}: {}", mail.id(), mail.attempts(), next, reason);
            repository.markRetry(mail.id(), reason, next);
        }
    }

    static Duration backoff(int attempts) {
        long seconds = 30L << Math.min(Math.max(attempts - 1, 0), 7);
        return Duration.ofSeconds(Math.min(seconds, 3600));
    }
}
