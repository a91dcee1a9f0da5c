package com.revolutiontradingpros.api.auth.tokens;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.revolutiontradingpros.api.auth.accounts.ClientInfo;
import com.revolutiontradingpros.api.auth.events.SecurityEvents;
import com.revolutiontradingpros.api.platform.security.Abilities;
import com.revolutiontradingpros.api.platform.security.CurrentUser;
import com.revolutiontradingpros.api.platform.web.ApiException;
import com.revolutiontradingpros.api.platform.web.FieldErrors;

/** Personal access tokens are managed from a signed-in session only, never by another token. */
@RestController
@Tag(name = "Auth")
class TokensController {

    private final PersonalAccessTokens tokens;
    private final SecurityEvents events;
    private final Clock clock;

    TokensController(PersonalAccessTokens tokens, SecurityEvents events, Clock clock) {
        this.tokens = tokens;
        this.events = events;
        this.clock = clock;
    }

    record CreateToken(@NotBlank @Size(max = 100) String name, @NotNull @Size(min = 1, max = 20) List<@NotBlank String> abilities,
            @Nullable Instant expiresAt) {
    }

    record CreatedToken(PersonalAccessTokens.TokenView token,
            @io.swagger.v3.oas.annotations.media.Schema(description = "the secret, shown this once") String plainTextToken) {
    }

    @GetMapping("/auth/tokens")
    @Operation(summary = "Your personal access tokens (never their secrets)")
    List<PersonalAccessTokens.TokenView> list(CurrentUser me) {
        return tokens.list(me.id());
    }

    @PostMapping("/auth/tokens")
    @Operation(summary = "Create a personal access token with abilities within your roles; the secret is shown once")
    ResponseEntity<CreatedToken> create(CurrentUser me, @Valid @RequestBody CreateToken body, HttpServletRequest request) {
        var errors = new FieldErrors();
        Set<String> grantable = Abilities.grantable(me.roles());
        var abilities = new LinkedHashSet<String>();
        for (String ability : body.abilities()) {
            if (!Abilities.known(ability)) {
                errors.add("abilities", "unknown ability " + ability);
            } else if (!grantable.contains(ability) || !me.can(ability)) {
                errors.add("abilities", ability + " is beyond your roles");
            } else {
                abilities.add(ability);
            }
        }
        if (body.expiresAt() != null && !body.expiresAt().isAfter(Instant.now(clock))) {
            errors.add("expires_at", "must be in the future");
        }
        errors.throwIfAny();
        var created = tokens.create(me.id(), body.name().strip(), abilities, body.expiresAt());
        events.record(me.id(), "token_created", ClientInfo.of(request), Map.of("token_id", created.token().id(), "abilities", abilities));
        return ResponseEntity.created(URI.create("/auth/tokens/" + created.token().id()))
                .body(new CreatedToken(created.token(), created.secret()));
    }

    @DeleteMapping("/auth/tokens/{id}")
    @Operation(summary = "Revoke one of your tokens")
    ResponseEntity<Void> revoke(CurrentUser me, @PathVariable long id, HttpServletRequest request) {
        if (!tokens.revoke(me.id(), id)) {
            throw ApiException.notFound("token");
        }
        events.record(me.id(), "token_revoked", ClientInfo.of(request), Map.of("token_id", id));
        return ResponseEntity.noContent().build();
    }
}
