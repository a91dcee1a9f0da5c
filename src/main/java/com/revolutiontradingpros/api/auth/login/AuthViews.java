package com.revolutiontradingpros.api.auth.login;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import com.revolutiontradingpros.api.auth.accounts.Account;
import com.revolutiontradingpros.api.auth.sessions.Sessions;
import com.revolutiontradingpros.api.platform.security.Role;

/** What sign-in endpoints answer. */
final class AuthViews {

    private AuthViews() {
    }

    record UserView(long id, String email, String name, List<String> roles, boolean emailVerified, boolean mfaEnabled,
            boolean passwordChangeRequired, Instant createdAt) {

        static UserView of(Account account) {
            return new UserView(account.id(), account.email(), account.name(),
                    account.roleSet().stream().sorted().map(Role::wireName).toList(), account.emailVerifiedAt() != null,
                    account.mfaEnabled(), account.passwordChangeRequired(), account.createdAt());
        }
    }

    record TokenResponse(String accessToken, @Schema(allowableValues = "Bearer") String tokenType, long expiresIn,
            String refreshToken, UUID sessionId, UserView user) {

        static TokenResponse of(Sessions.Issued tokens, Account account) {
            return new TokenResponse(tokens.accessToken(), "Bearer", tokens.expiresIn(), tokens.refreshToken(),
                    tokens.sessionId(), UserView.of(account));
        }
    }

    record MfaRequired(boolean mfaRequired, String mfaToken, List<String> methods) {
    }

    record Me(UserView user, List<String> roles, @Nullable List<String> abilities, @Nullable String sessionId, boolean mfaEnabled) {
    }
}
