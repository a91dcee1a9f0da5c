package com.revolutiontradingpros.api.auth.login;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import com.revolutiontradingpros.api.auth.accounts.AccountRepository;
import com.revolutiontradingpros.api.auth.accounts.ClientInfo;
import com.revolutiontradingpros.api.auth.events.SecurityEvents;
import com.revolutiontradingpros.api.auth.passkeys.Passkeys;
import com.revolutiontradingpros.api.auth.passwords.PasswordPolicy;
import com.revolutiontradingpros.api.auth.sessions.Sessions;
import com.revolutiontradingpros.api.platform.ratelimit.RateLimit;
import com.revolutiontradingpros.api.platform.security.CurrentUser;
import com.revolutiontradingpros.api.platform.security.Public;
import com.revolutiontradingpros.api.platform.security.RequiresAbility;
import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.platform.web.ApiException;
import com.revolutiontradingpros.api.platform.web.FieldErrors;

@RestController
@Tag(name = "Auth")
class LoginController {

    private final LoginService login;
    private final Sessions sessions;
    private final AccountRepository accounts;
    private final PasswordPolicy policy;
    private final SecurityEvents events;
    private final Passkeys passkeys;
    private final JsonMapper json;

    LoginController(LoginService login, Sessions sessions, AccountRepository accounts, PasswordPolicy policy, SecurityEvents events,
            Passkeys passkeys, JsonMapper json) {
        this.passkeys = passkeys;
        this.json = json;
        this.login = login;
        this.sessions = sessions;
        this.accounts = accounts;
        this.policy = policy;
        this.events = events;
    }

    record Register(@NotBlank @Email @Size(max = 254) String email, @NotNull String password,
            @NotBlank @Size(max = 100) String name, @Nullable Boolean newsletterOptIn) {
    }

    record Login(@NotBlank @Size(max = 254) String email, @NotNull @Size(max = 1024) String password) {
    }

    record LoginMfa(@NotBlank @Size(max = 200) String mfaToken, @Nullable @Size(max = 10) String code,
            @Nullable @Size(max = 20) String recoveryCode) {
    }

    record PasskeyOptionsRequest(@Nullable @Email @Size(max = 254) String email) {
    }

    record PasskeyOptions(@Schema(description = "PublicKeyCredentialRequestOptionsJSON, for navigator.credentials.get()") Map<String, Object> publicKey) {
    }

    record PasskeyLogin(@NotNull @Schema(description = "the AuthenticationResponseJSON of navigator.credentials.get()") Map<String, Object> credential) {
    }

    record Refresh(@NotBlank @Size(max = 200) String refreshToken) {
    }

    record Revoked(int revoked) {
    }

    @PostMapping("/auth/register")
    @Public
    @RateLimit(name = "register", capacity = 10, period = "1h")
    @Operation(summary = "Create a member account, send the verification email and sign in")
    ResponseEntity<AuthViews.TokenResponse> register(@Valid @RequestBody Register body, HttpServletRequest request) {
        policy.problem(body.password()).ifPresent(problem -> new FieldErrors().add("password", problem).throwIfAny());
        var signedIn = login.register(normalise(body.email()), body.password(), body.name().strip(),
                Boolean.TRUE.equals(body.newsletterOptIn()), ClientInfo.of(request));
        return ResponseEntity.created(URI.create("/auth/me"))
                .body(AuthViews.TokenResponse.of(signedIn.tokens(), signedIn.account()));
    }

    @PostMapping("/auth/login")
    @Public
    @RateLimit(name = "login", capacity = 30, period = "1m")
    @Operation(summary = "Sign in with email and password")
    @ApiResponse(responseCode = "200", description = "signed in, or the password was right and a second factor is owed",
            content = @Content(mediaType = "application/json", schema = @Schema(oneOf = {AuthViews.TokenResponse.class, AuthViews.MfaRequired.class})))
    Object login(@Valid @RequestBody Login body, HttpServletRequest request) {
        var outcome = login.login(normalise(body.email()), body.password(), ClientInfo.of(request));
        if (outcome.signedIn() == null) {
            return new AuthViews.MfaRequired(true, outcome.mfaToken(), outcome.methods());
        }
        return AuthViews.TokenResponse.of(outcome.signedIn().tokens(), outcome.signedIn().account());
    }

    @PostMapping("/auth/login/mfa")
    @Public
    @RateLimit(name = "login-mfa", capacity = 30, period = "15m")
    @Operation(summary = "Finish an MFA sign-in with a TOTP code or a recovery code (mfa_token valid 5 minutes, 5 tries)")
    AuthViews.TokenResponse loginMfa(@Valid @RequestBody LoginMfa body, HttpServletRequest request) {
        if ((body.code() == null || body.code().isBlank()) && (body.recoveryCode() == null || body.recoveryCode().isBlank())) {
            throw ApiException.invalid("code", "a code or a recovery code is required");
        }
        var signedIn = login.loginWithSecondFactor(body.mfaToken(), body.code(), body.recoveryCode(), ClientInfo.of(request));
        return AuthViews.TokenResponse.of(signedIn.tokens(), signedIn.account());
    }

    @PostMapping("/auth/login/biometric/options")
    @Public
    @RateLimit(name = "login-passkey", capacity = 30, period = "1m")
    @Operation(summary = "Passkey sign-in options: a challenge, the rpId, and the account's passkeys when an email is given "
            + "(else a discoverable-credential request)")
    PasskeyOptions passkeyOptions(@Valid @RequestBody(required = false) @Nullable PasskeyOptionsRequest body) {
        String email = body == null || body.email() == null || body.email().isBlank() ? null : normalise(body.email());
        return new PasskeyOptions(passkeys.loginOptions(email));
    }

    @PostMapping("/auth/login/biometric")
    @Public
    @RateLimit(name = "login-passkey", capacity = 30, period = "1m")
    @Operation(summary = "Sign in with a passkey assertion (counts as two factors)")
    AuthViews.TokenResponse passkeyLogin(@Valid @RequestBody PasskeyLogin body, HttpServletRequest request) {
        var signedIn = login.loginWithPasskey(json.writeValueAsString(body.credential()), ClientInfo.of(request));
        return AuthViews.TokenResponse.of(signedIn.tokens(), signedIn.account());
    }

    @PostMapping("/auth/refresh")
    @Public
    @RateLimit(name = "refresh", capacity = 60, period = "1m")
    @Operation(summary = "Exchange a refresh token for a new pair; a reused token revokes the session")
    AuthViews.TokenResponse refresh(@Valid @RequestBody Refresh body, HttpServletRequest request) {
        var refreshed = sessions.refresh(body.refreshToken(), ClientInfo.of(request));
        return AuthViews.TokenResponse.of(refreshed.tokens(), refreshed.account());
    }

    @PostMapping("/auth/logout")
    @Operation(summary = "Sign out this session; its access tokens stop working within a second on every node")
    ResponseEntity<Void> logout(CurrentUser me, HttpServletRequest request) {
        me.sessionUuid().ifPresent(session -> {
            sessions.revoke(session, me.id(), "logout");
            events.record(me.id(), "logout", ClientInfo.of(request), Map.of());
        });
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/auth/logout/all")
    @Operation(summary = "Sign out every session, this one included")
    Revoked logoutAll(CurrentUser me, HttpServletRequest request) {
        int count = sessions.revokeAll(me.id(), null, "logout_all");
        events.record(me.id(), "logout_all", ClientInfo.of(request), Map.of("count", count));
        return new Revoked(count);
    }

    @GetMapping("/auth/me")
    @RequiresAbility("profile:read")
    @Operation(summary = "Who is signed in: user, roles, abilities, session and MFA status")
    AuthViews.Me me(CurrentUser me) {
        var account = accounts.findById(me.id()).orElseThrow(() -> ApiException.unauthorized("invalid_token", "no such user"));
        return new AuthViews.Me(AuthViews.UserView.of(account), me.roles().stream().sorted().map(Role::wireName).toList(),
                me.abilities() == null ? null : me.abilities().stream().sorted().toList(), me.sessionId(), account.mfaEnabled());
    }

    static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
