package com.revolutiontradingpros.api.auth.mfa;

import java.util.List;

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
import com.revolutiontradingpros.api.platform.ratelimit.RateLimit;
import com.revolutiontradingpros.api.platform.security.CurrentUser;
import com.revolutiontradingpros.api.platform.security.RequiresRole;
import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.platform.web.ApiException;

@RestController
@Tag(name = "Auth")
@RateLimit(name = "mfa", capacity = 20, period = "15m", per = RateLimit.Per.USER)
class MfaController {

    private final Mfa mfa;

    MfaController(Mfa mfa) {
        this.mfa = mfa;
    }

    record Code(@NotBlank @Size(max = 10) String code) {
    }

    record Disable(@NotNull @Size(max = 1024) String password, @Nullable @Size(max = 10) String code,
            @Nullable @Size(max = 20) String recoveryCode) {
    }

    record RecoveryCodes(List<String> recoveryCodes) {
    }

    record Reset(boolean reset) {
    }

    @PostMapping("/auth/mfa/totp/setup")
    @Operation(summary = "Start TOTP enrolment: the secret, an otpauth:// URI and a QR code; nothing changes until confirmed")
    Mfa.Setup setup(CurrentUser me) {
        return mfa.setup(me.id());
    }

    @PostMapping("/auth/mfa/totp/confirm")
    @Operation(summary = "Confirm TOTP with a current code: two-factor sign-in turns on and 10 recovery codes are shown once")
    RecoveryCodes confirm(CurrentUser me, @Valid @RequestBody Code body, HttpServletRequest request) {
        return new RecoveryCodes(mfa.confirm(me.id(), body.code(), ClientInfo.of(request)));
    }

    @DeleteMapping("/auth/mfa/totp")
    @Operation(summary = "Turn TOTP off: needs your password and a current code or a recovery code")
    ResponseEntity<Void> disable(CurrentUser me, @Valid @RequestBody Disable body, HttpServletRequest request) {
        if ((body.code() == null || body.code().isBlank()) && (body.recoveryCode() == null || body.recoveryCode().isBlank())) {
            throw ApiException.invalid("code", "a current code or a recovery code is required");
        }
        mfa.disable(me.id(), body.password(), body.code(), body.recoveryCode(), ClientInfo.of(request));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/auth/mfa")
    @Operation(summary = "Your two-factor status: methods on, recovery codes left, passkeys")
    Mfa.Status status(CurrentUser me) {
        return mfa.status(me.id());
    }

    @PostMapping("/auth/mfa/recovery-codes")
    @Operation(summary = "Replace your recovery codes (needs a current code); the old ones stop working")
    RecoveryCodes regenerate(CurrentUser me, @Valid @RequestBody Code body, HttpServletRequest request) {
        return new RecoveryCodes(mfa.regenerateRecoveryCodes(me.id(), body.code(), ClientInfo.of(request)));
    }

    @DeleteMapping("/auth/admin/users/{id}/mfa")
    @RequiresRole(Role.ADMIN)
    @Operation(summary = "Reset a locked-out user's two-factor sign-in (security event and email notice)")
    Reset reset(CurrentUser admin, @PathVariable long id, HttpServletRequest request) {
        return new Reset(mfa.reset(id, admin.id(), ClientInfo.of(request)));
    }
}
