package com.revolutiontradingpros.api.auth.sessions;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.revolutiontradingpros.api.auth.accounts.AccountRepository;
import com.revolutiontradingpros.api.auth.accounts.ClientInfo;
import com.revolutiontradingpros.api.auth.events.SecurityEvents;
import com.revolutiontradingpros.api.platform.security.CurrentUser;
import com.revolutiontradingpros.api.platform.security.RequiresRole;
import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.platform.web.ApiException;

@RestController
@Tag(name = "Auth")
class SessionsController {

    private final Sessions sessions;
    private final AccountRepository accounts;
    private final SecurityEvents events;

    SessionsController(Sessions sessions, AccountRepository accounts, SecurityEvents events) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.events = events;
    }

    record RenameSession(@NotBlank @Size(max = 100) String deviceName) {
    }

    record Revoked(int revoked) {
    }

    @GetMapping("/auth/sessions")
    @Operation(summary = "Your signed-in devices, the current one flagged")
    List<SessionView> list(CurrentUser me) {
        return sessions.live(me.id()).stream().map(s -> SessionView.of(s, me.sessionId())).toList();
    }

    @DeleteMapping("/auth/sessions/{id}")
    @Operation(summary = "Sign out one of your devices; its access tokens stop working within a second")
    ResponseEntity<Void> revoke(CurrentUser me, @PathVariable String id, HttpServletRequest request) {
        UUID session = sessionId(id);
        if (!sessions.revoke(session, me.id(), "revoked_by_user")) {
            throw ApiException.notFound("session");
        }
        events.record(me.id(), "session_revoked", ClientInfo.of(request), Map.of("session_id", session.toString()));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/auth/sessions")
    @Operation(summary = "Sign out every device but this one")
    Revoked revokeOthers(CurrentUser me, HttpServletRequest request) {
        int count = sessions.revokeAll(me.id(), me.sessionUuid().orElse(null), "revoked_by_user");
        events.record(me.id(), "sessions_revoked", ClientInfo.of(request), Map.of("count", count));
        return new Revoked(count);
    }

    @PatchMapping("/auth/sessions/{id}")
    @Operation(summary = "Name one of your devices")
    SessionView rename(CurrentUser me, @PathVariable String id, @Valid @RequestBody RenameSession body) {
        UUID session = sessionId(id);
        if (!sessions.rename(me.id(), session, body.deviceName().strip())) {
            throw ApiException.notFound("session");
        }
        return sessions.live(me.id()).stream().filter(s -> s.id().equals(session)).findFirst()
                .map(s -> SessionView.of(s, me.sessionId()))
                .orElseThrow(() -> ApiException.notFound("session"));
    }

    @GetMapping("/auth/admin/users/{id}/sessions")
    @RequiresRole(Role.ADMIN)
    @Operation(summary = "A user's signed-in devices")
    List<SessionView> userSessions(@PathVariable long id) {
        accounts.findById(id).orElseThrow(() -> ApiException.notFound("user"));
        return sessions.live(id).stream().map(s -> SessionView.of(s, null)).toList();
    }

    @DeleteMapping("/auth/admin/users/{id}/sessions")
    @RequiresRole(Role.ADMIN)
    @Operation(summary = "Sign a user out everywhere")
    Revoked revokeUserSessions(CurrentUser admin, @PathVariable long id, HttpServletRequest request) {
        accounts.findById(id).orElseThrow(() -> ApiException.notFound("user"));
        int count = sessions.revokeAll(id, null, "revoked_by_admin");
        events.record(id, "sessions_revoked", ClientInfo.of(request), Map.of("count", count, "by_admin", admin.id()));
        return new Revoked(count);
    }

    private static UUID sessionId(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("session");
        }
    }
}
