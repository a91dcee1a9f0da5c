package com.revolutiontradingpros.api.users.admin;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.revolutiontradingpros.api.auth.AccountView;
import com.revolutiontradingpros.api.auth.Accounts;
import com.revolutiontradingpros.api.platform.security.AccessTokens;
import com.revolutiontradingpros.api.platform.security.CurrentUser;
import com.revolutiontradingpros.api.platform.security.RequiresRole;
import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.platform.web.ApiException;
import com.revolutiontradingpros.api.users.activity.ActivityLog;

/**
 * Seeing the site as a member sees it, for support: a 15-minute, read-only token acting as the user, logged on the
 * user's activity, and marked with {@code X-Impersonated-By} on every answer.
 */
@RestController
@RequiresRole(Role.SUPER_ADMIN)
@Tag(name = "Users")
class ImpersonationController {

    static final Duration LIFETIME = Duration.ofMinutes(15);

    private final Accounts accounts;
    private final AccessTokens tokens;
    private final ActivityLog activity;

    ImpersonationController(Accounts accounts, AccessTokens tokens, ActivityLog activity) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.activity = activity;
    }

    record Impersonation(String accessToken, @Schema(allowableValues = "Bearer") String tokenType, long expiresIn, AccountView user) {
    }

    @PostMapping("/users/{id}/impersonate")
    @Transactional
    @Operation(summary = "A 15-minute read-only token acting as the user (audited; every answer carries X-Impersonated-By)")
    Impersonation impersonate(CurrentUser staff, @PathVariable long id, HttpServletRequest request) {
        var target = accounts.find(id).orElseThrow(() -> ApiException.notFound("user"));
        if (!"active".equals(target.status())) {
            throw ApiException.conflict("account_inactive", "only active users can be impersonated");
        }
        if (target.roles().contains(Role.SUPER_ADMIN.wireName()) || target.id() == staff.id()) {
            throw ApiException.forbidden("forbidden", "super admins cannot be impersonated");
        }
        Set<Role> roles = target.roles().stream().map(Role::fromWireName).flatMap(java.util.Optional::stream).collect(Collectors.toSet());
        String token = tokens.issue(new CurrentUser(id, UUID.randomUUID().toString(), roles, null, staff.id()), LIFETIME);
        activity.record(id, staff.id(), "impersonated", Map.of("minutes", LIFETIME.toMinutes()), request.getRemoteAddr());
        return new Impersonation(token, "Bearer", LIFETIME.toSeconds(), target);
    }
}
