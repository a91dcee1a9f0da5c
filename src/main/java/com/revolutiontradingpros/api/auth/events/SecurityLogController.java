package com.revolutiontradingpros.api.auth.events;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.revolutiontradingpros.api.platform.paging.Page;
import com.revolutiontradingpros.api.platform.paging.PageParams;
import com.revolutiontradingpros.api.platform.paging.PageQuery;
import com.revolutiontradingpros.api.platform.security.CurrentUser;

@RestController
@Tag(name = "Auth")
class SecurityLogController {

    private final SecurityEvents events;

    SecurityLogController(SecurityEvents events) {
        this.events = events;
    }

    @GetMapping("/auth/security-log")
    @Operation(summary = "Your security events (sign-ins, password and MFA changes, revoked sessions), newest first")
    Page<SecurityEvents.SecurityEvent> list(CurrentUser me,
            @PageParams(sort = {"created_at"}, defaultSort = "-created_at", filters = {"kind"}) PageQuery query) {
        return query.page(events.list(me.id(), query), events.count(me.id(), query));
    }
}
