package com.revolutiontradingpros.api.auth.deletion;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.revolutiontradingpros.api.auth.accounts.ClientInfo;
import com.revolutiontradingpros.api.platform.ratelimit.RateLimit;
import com.revolutiontradingpros.api.platform.security.CurrentUser;

@RestController
@Tag(name = "Auth")
class AccountDeletionController {

    private final AccountDeletions deletions;

    AccountDeletionController(AccountDeletions deletions) {
        this.deletions = deletions;
    }

    record DeleteAccount(@NotNull @Size(max = 1024) String password, @Nullable @Size(max = 10) String code,
            @Nullable @Size(max = 20) String recoveryCode) {
    }

    record Deleted(boolean deleted, Instant erasureScheduledAt) {
    }

    @PostMapping("/auth/account/delete")
    @RateLimit(name = "account-delete", capacity = 5, period = "1h", per = RateLimit.Per.USER)
    @Operation(summary = "Delete your account (password, and a second factor when MFA is on): signed out everywhere, "
            + "personal data erased after 30 days")
    Deleted delete(CurrentUser me, @Valid @RequestBody DeleteAccount body, HttpServletRequest request) {
        return new Deleted(true, deletions.delete(me.id(), body.password(), body.code(), body.recoveryCode(), ClientInfo.of(request)));
    }
}
