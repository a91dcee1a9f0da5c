package com.revolutiontradingpros.api.platform.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The embedded default: nothing leaves the machine; messages stay readable at GET /admin/outbox and in the log. */
class OutboxTransport implements MailTransport {

    private static final Logger log = LoggerFactory.getLogger(OutboxTransport.class);

    @Override
    public String name() {
        return "outbox";
    }

    @Override
    public Delivery deliver(OutgoingMail mail) {
        log.info("mail {} kept in the outbox (to={}, subject=\"{}\", tag={}); read it at GET /admin/outbox/{}",
                mail.id(), mail.to(), mail.subject(), mail.tag(), mail.id());
        return new Delivery(true, null);
    }
}
