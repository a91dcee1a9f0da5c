package com.revolutiontradingpros.api.auth.verification;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.revolutiontradingpros.api.auth.accounts.AccountRepository;
import com.revolutiontradingpros.api.auth.accounts.ClientInfo;
import com.revolutiontradingpros.api.auth.events.SecurityEvents;
import com.revolutiontradingpros.api.platform.ratelimit.RateLimit;
import com.revolutiontradingpros.api.platform.security.CurrentUser;
import com.revolutiontradingpros.api.platform.security.Public;
import com.revolutiontradingpros.api.platform.web.ApiException;

@RestController
@Tag(name = "Auth")
class EmailVerificationController {

    private final EmailVerifications verifications;
    private final AccountRepository accounts;
    private final SecurityEvents events;

    EmailVerificationController(EmailVerifications verifications, AccountRepository accounts, SecurityEvents events) {
        this.verifications = verifications;
        this.accounts = accounts;
        this.events = events;
    }

    record VerifyEmail(@NotBlank @Size(max = 200) String token) {
    }

    record Verified(boolean verified) {
    }

    @PostMapping("/auth/verify-email")
    @Public
    @RateLimit(name = "verify-email", capacity = 30, period = "15m")
    @Operation(summary = "Verify an email address with the link's token; repeating it for a verified address is fine")
    Verified verify(@Valid @RequestBody VerifyEmail body) {
        verifications.verify(body.token());
        return new Verified(true);
    }

    @PostMapping("/auth/verify-email/resend")
    @Operation(summary = "Send a new verification link (at most 3 an hour)")
    ResponseEntity<Verified> resend(CurrentUser me, HttpServletRequest request) {
        var account = accounts.findById(me.id()).orElseThrow(() -> ApiException.notFound("user"));
        if (account.emailVerifiedAt() != null) {
            return ResponseEntity.ok(new Verified(true));
        }
        if (verifications.sentInLastHour(me.id()) >= 3) {
            throw ApiException.tooManyRequests(3600);
        }
        verifications.send(account);
        events.record(me.id(), "verification_sent", ClientInfo.of(request), Map.of());
        return ResponseEntity.accepted().body(new Verified(false));
    }
}
