package com.revolutiontradingpros.api.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A test-only module event, its publisher and a listener that can be made to die before it finishes. */
public final class ProbeEvents {

    public record ProbeEvent(String id) {
    }

    /** Events handled to completion, in order. */
    public static final List<String> HANDLED = new CopyOnWriteArrayList<>();

    /** When set, the listener waits on it and then fails, as if its process died mid-handling. */
    public static volatile CountDownLatch crash;
    public static final CountDownLatch CRASH_REACHED = new CountDownLatch(1);

    private ProbeEvents() {
    }

    @Component
    public static class Publisher {
        private final ApplicationEventPublisher events;

        Publisher(ApplicationEventPublisher events) {
            this.events = events;
        }

        @Transactional
        public void publish(String id) {
            events.publishEvent(new ProbeEvent(id));
        }
    }

    @Component
    static class Listener {
        @ApplicationModuleListener
        void on(ProbeEvent event) throws InterruptedException {
            var latch = crash;
            if (latch != null) {
                CRASH_REACHED.countDown();
                latch.await();
                throw new IllegalStateException("the process died while handling " + event.id());
            }
            HANDLED.add(event.id());
        }
    }
}
