package com.revolutiontradingpros.api.auth.emailchange;

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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.revolutiontradingpros.api.auth.accounts.ClientInfo;
import com.revolutiontradingpros.api.platform.ratelimit.RateLimit;
import com.revolutiontradingpros.api.platform.security.CurrentUser;
import com.revolutiontradingpros.api.platform.security.Public;

@RestController
@Tag(name = "Auth")
class EmailChangeController {

    private final EmailChanges changes;

    EmailChangeController(EmailChanges changes) {
        this.changes = changes;
    }

    record ChangeEmail(@NotBlank @Email @Size(max = 254) String newEmail, @NotNull @Size(max = 1024) String password) {
    }

    record ConfirmEmail(@NotBlank @Size(max = 200) String token) {
    }

    record Pending(String message) {
    }

    record Confirmed(String email) {
    }

    @PostMapping("/auth/email/change")
    @RateLimit(name = "email-change", capacity = 5, period = "1h", per = RateLimit.Per.USER)
    @Operation(summary = "Ask to change your email (password required): a confirmation goes to the new address, a notice to the old")
    ResponseEntity<Pending> change(CurrentUser me, @Valid @RequestBody ChangeEmail body, HttpServletRequest request) {
        changes.request(me.id(), body.newEmail().strip().toLowerCase(Locale.ROOT), body.password(), ClientInfo.of(request));
        return ResponseEntity.accepted().body(new Pending("confirm the change from the link sent to the new address"));
    }

    @PostMapping("/auth/email/confirm")
    @Public
    @RateLimit(name = "email-confirm", capacity = 30, period = "15m")
    @Operation(summary = "Confirm an email change with the link's token; 409 if the address was taken meanwhile")
    Confirmed confirm(@Valid @RequestBody ConfirmEmail body, HttpServletRequest request) {
        return new Confirmed(changes.confirm(body.token(), ClientInfo.of(request)).email());
    }
}
