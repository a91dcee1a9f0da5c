package com.revolutiontradingpros.api.auth.login;

import java.net.InetAddress;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.revolutiontradingpros.api.auth.accounts.AccountRepository;
import com.revolutiontradingpros.api.auth.accounts.ClientInfo;
import com.revolutiontradingpros.api.auth.events.SecurityEvents;
import com.revolutiontradingpros.api.platform.paging.Page;
import com.revolutiontradingpros.api.platform.paging.PageParams;
import com.revolutiontradingpros.api.platform.paging.PageQuery;
import com.revolutiontradingpros.api.platform.security.CurrentUser;
import com.revolutiontradingpros.api.platform.security.RequiresRole;
import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.platform.web.ApiException;
import com.revolutiontradingpros.api.platform.web.FieldErrors;

@RestController
@RequiresRole(Role.ADMIN)
@Tag(name = "Auth admin")
class LoginAdminController {

    private final AccountRepository accounts;
    private final LoginAttempts attempts;
    private final SecurityEvents events;

    LoginAdminController(AccountRepository accounts, LoginAttempts attempts, SecurityEvents events) {
        this.accounts = accounts;
        this.attempts = attempts;
        this.events = events;
    }

    record Unlocked(long userId, boolean unlocked) {
    }

    @PostMapping("/auth/admin/users/{id}/unlock")
    @Operation(summary = "Clear a user's lockout and failed sign-in count")
    Unlocked unlock(CurrentUser admin, @PathVariable long id, HttpServletRequest request) {
        accounts.findById(id).orElseThrow(() -> ApiException.notFound("user"));
        accounts.unlock(id);
        events.record(id, "account_unlocked", ClientInfo.of(request), Map.of("by_admin", admin.id()));
        return new Unlocked(id, true);
    }

    @GetMapping("/auth/admin/login-attempts")
    @Operation(summary = "Recent failed sign-ins, newest first; filter by ip, email, from and to (dates or RFC 3339 times)")
    Page<LoginAttempts.Attempt> failedLogins(
            @PageParams(sort = {"created_at"}, defaultSort = "-created_at", filters = {"ip", "email", "from", "to"}) PageQuery query) {
        var errors = new FieldErrors();
        query.filter("ip").ifPresent(ip -> {
            try {
                InetAddress.ofLiteral(ip);
            } catch (IllegalArgumentException e) {
                errors.add("filter[ip]", "must be an IPv4 or IPv6 address");
            }
        });
        for (String bound : new String[] {"from", "to"}) {
            query.filter(bound).ifPresent(value -> errors.instant(value, "filter[" + bound + "]"));
        }
        errors.throwIfAny();
        return query.page(attempts.list(query), attempts.count(query));
    }
}
