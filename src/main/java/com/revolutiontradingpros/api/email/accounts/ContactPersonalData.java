package com.revolutiontradingpros.api.email.accounts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.revolutiontradingpros.api.platform.privacy.PersonalData;

/** The account's contact in the person's data export: status, every list membership with its consent, the change log. */
@Component
class ContactPersonalData implements PersonalData {

    private final AccountContacts contacts;
    private final JdbcClient jdbc;

    ContactPersonalData(AccountContacts contacts, JdbcClient jdbc) {
        this.contacts = contacts;
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "email-subscriptions";
    }

    @Override
    public Object collect(long userId) {
        return contacts.find(userId).<Object>map(contact -> {
            var data = new LinkedHashMap<String, Object>();
            data.put("email", contact.email());
            data.put("status", contact.status());
            data.put("source", contact.source());
            data.put("created_at", contact.createdAt().toString());
            data.put("unsubscribed_at", contact.unsubscribedAt() == null ? null : contact.unsubscribedAt().toString());
            data.put("lists", jdbc.sql("""
                    SELECT l.name, m.status, m.source, m.consent_note, m.subscribed_at::text AS subscribed_at,
                           m.unsubscribed_at::text AS unsubscribed_at
                    FROM email_list_subscribers m JOIN email_lists l ON l.id = m.list_id
                    WHERE m.subscriber_id = :contact ORDER BY m.subscribed_at""").param("contact", contact.id()).query().listOfRows());
            data.put("changes", jdbc.sql("""
                    SELECT action, actor_kind, detail::text AS detail, created_at::text AS created_at
                    FROM email_subscriber_changes WHERE subscriber_id = :contact ORDER BY created_at, id""")
                    .param("contact", contact.id()).query().listOfRows());
            return data;
        }).orElse(Map.of("lists", List.of()));
    }
}
