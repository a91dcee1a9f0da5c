package com.revolutiontradingpros.api.platform.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutorService;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The mail port every module sends through. {@link #send} joins the caller's transaction: if the change that
 * asked for the mail rolls back, no mail goes out; once it commits, delivery starts at once, and the
 * {@code mail-dispatch} job retries whatever did not go.
 */
@Service
public class Mail {

    private final MailRepository repository;
    private final MailDispatcher dispatcher;
    private final MailProperties properties;
    private final ExecutorService sending;
    private final Clock clock;

    Mail(MailRepository repository, MailDispatcher dispatcher, MailProperties properties, ExecutorService mailSending, Clock clock) {
        this.repository = repository;
        this.dispatcher = dispatcher;
        this.properties = properties;
        this.sending = mailSending;
        this.clock = clock;
    }

    /** Stores the message for delivery and returns its id (as listed at GET /admin/outbox). */
    public long send(MailMessage message) {
        long id = repository.insert(message, message.from() == null ? properties.from() : message.from(),
                properties.transport(), Instant.now(clock));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    dispatchSoon(id);
                }
            });
        } else {
            dispatchSoon(id);
        }
        return id;
    }

    private void dispatchSoon(long id) {
        sending.execute(() -> dispatcher.dispatch(id));
    }
}
