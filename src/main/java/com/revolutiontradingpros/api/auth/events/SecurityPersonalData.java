package com.revolutiontradingpros.api.auth.events;

import java.util.List;

import org.springframework.stereotype.Component;

import com.revolutiontradingpros.api.platform.paging.PageQuery;
import com.revolutiontradingpros.api.platform.privacy.PersonalData;

/** The security log in a person's data export (sign-ins, password and MFA changes, with IPs and browsers). */
@Component
class SecurityPersonalData implements PersonalData {

    private final SecurityEvents events;

    SecurityPersonalData(SecurityEvents events) {
        this.events = events;
    }

    @Override
    public String section() {
        return "security-log";
    }

    @Override
    public Object collect(long userId) {
        return events.list(userId, new PageQuery(1, 10_000, List.of(), java.util.Map.of(), null));
    }
}
