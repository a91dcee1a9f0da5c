package com.revolutiontradingpros.api.auth.passwords;

import java.time.Duration;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.revolutiontradingpros.api.auth.accounts.ClientInfo;
import com.revolutiontradingpros.api.platform.ratelimit.RateLimit;
import com.revolutiontradingpros.api.platform.ratelimit.RateLimiter;
import com.revolutiontradingpros.api.platform.security.CurrentUser;
import com.revolutiontradingpros.api.platform.security.Public;
import com.revolutiontradingpros.api.platform.web.FieldErrors;

@RestController
@Tag(name = "Auth")
class PasswordController {

    private final PasswordResets resets;
    private final PasswordPolicy policy;
    private final RateLimiter limiter;

    PasswordController(PasswordResets resets, PasswordPolicy policy, RateLimiter limiter) {
        this.resets = resets;
        this.policy = policy;
        this.limiter = limiter;
    }

    record ForgotPassword(@NotBlank @Email @Size(max = 254) String email) {
    }

    record ResetPassword(@NotBlank @Size(max = 200) String token, @NotNull String password) {
    }

    record ChangePassword(@NotNull @Size(max = 1024) String currentPassword, @NotNull String password) {
    }

    record Accepted(String message) {
    }

    record ResetLink(String email) {
    }

    record Changed(boolean changed) {
    }

    @PostMapping("/auth/forgot-password")
    @Public
    @RateLimit(name = "forgot-password", capacity = 10, period = "15m")
    @Operation(summary = "Email a reset link if the address has an account; always 202, so nobody learns which addresses exist")
    ResponseEntity<Accepted> forgot(@Valid @RequestBody ForgotPassword body, HttpServletRequest request) {
        String email = body.email().strip().toLowerCase(Locale.ROOT);
        // Per address as well as per IP (the route's limit): a quiet drop, so the answer stays the same.
        if (limiter.consume("forgot-password-email", email, 3, Duration.ofMinutes(15)).allowed()) {
            resets.request(email, ClientInfo.of(request));
        }
        return ResponseEntity.accepted().body(new Accepted("if an account uses this address, a reset link is on its way"));
    }

    @GetMapping("/auth/reset-password/{token}")
    @Public
    @RateLimit(name = "reset-password", capacity = 30, period = "15m")
    @Operation(summary = "Check a reset link before showing the form: the account's masked email, 410 expired, 400 used or unknown")
    ResetLink check(@PathVariable String token) {
        return new ResetLink(mask(resets.check(token).email()));
    }

    @PostMapping("/auth/reset-password")
    @Public
    @RateLimit(name = "reset-password", capacity = 30, period = "15m")
    @Operation(summary = "Set a new password with a reset link; every session is signed out")
    Changed reset(@Valid @RequestBody ResetPassword body, HttpServletRequest request) {
        requireAcceptable(body.password());
        resets.reset(body.token(), body.password(), ClientInfo.of(request));
        return new Changed(true);
    }

    @PutMapping("/auth/password")
    @RateLimit(name = "change-password", capacity = 10, period = "15m", per = RateLimit.Per.USER)
    @Operation(summary = "Change your password (the current one is required); your other sessions are signed out")
    Changed change(CurrentUser me, @Valid @RequestBody ChangePassword body, HttpServletRequest request) {
        requireAcceptable(body.password());
        resets.change(me.id(), body.currentPassword(), body.password(), me.sessionUuid().orElse(null), ClientInfo.of(request));
        return new Changed(true);
    }

    private void requireAcceptable(String password) {
        policy.problem(password).ifPresent(problem -> new FieldErrors().add("password", problem).throwIfAny());
    }

    static String mask(String email) {
        int at = email.indexOf('@');
        String local = email.substring(0, at);
        String shown = local.length() <= 2 ? local.substring(0, 1) : local.substring(0, 2);
        return shown + "*".repeat(Math.max(3, local.length() - shown.length())) + email.substring(at);
    }
}
