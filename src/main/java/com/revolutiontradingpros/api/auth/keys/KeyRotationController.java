package com.revolutiontradingpros.api.auth.keys;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.revolutiontradingpros.api.auth.accounts.ClientInfo;
import com.revolutiontradingpros.api.auth.events.SecurityEvents;
import com.revolutiontradingpros.api.platform.security.CurrentUser;
import com.revolutiontradingpros.api.platform.security.JwtKeys;
import com.revolutiontradingpros.api.platform.security.RequiresRole;
import com.revolutiontradingpros.api.platform.security.Role;

@RestController
@Tag(name = "Auth admin")
class KeyRotationController {

    private final JwtKeys keys;
    private final SecurityEvents events;

    KeyRotationController(JwtKeys keys, SecurityEvents events) {
        this.keys = keys;
        this.events = events;
    }

    @PostMapping("/auth/admin/keys/rotate")
    @RequiresRole(Role.SUPER_ADMIN)
    @Operation(summary = "Rotate the JWT signing key on every node; tokens signed with the previous key stay valid for their lifetime")
    JwtKeys.Rotation rotate(CurrentUser admin, HttpServletRequest request) {
        var rotation = keys.rotate();
        events.record(admin.id(), "jwt_key_rotated", ClientInfo.of(request), Map.of("kid", rotation.kid(), "previous_kid", rotation.previousKid()));
        return rotation;
    }
}
