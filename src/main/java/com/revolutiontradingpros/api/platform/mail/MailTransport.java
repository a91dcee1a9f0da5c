package com.revolutiontradingpros.api.platform.mail;

import org.jspecify.annotations.Nullable;

/** Hands one stored message to a mail service. */
interface MailTransport {

    String name();

    /** Delivers the message, or throws {@link MailDeliveryException} saying whether a retry could help. */
    Delivery deliver(OutgoingMail mail);

    /**
     * @param stored true when the message was kept rather than sent (the outbox transport)
     * @param providerMessageId the provider's id for the message, for matching its webhooks
     */
    record Delivery(boolean stored, @Nullable String providerMessageId) {
    }
}
