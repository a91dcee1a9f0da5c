package com.revolutiontradingpros.api.auth.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.revolutiontradingpros.api.auth.MemberRegistered;
import com.revolutiontradingpros.api.auth.accounts.Account;
import com.revolutiontradingpros.api.auth.accounts.AccountRepository;
import com.revolutiontradingpros.api.auth.accounts.AuthMail;
import com.revolutiontradingpros.api.auth.accounts.ClientInfo;
import com.revolutiontradingpros.api.auth.events.SecurityEvents;
import com.revolutiontradingpros.api.auth.mfa.Mfa;
import com.revolutiontradingpros.api.auth.passkeys.Passkeys;
import com.revolutiontradingpros.api.auth.passwords.Passwords;
import com.revolutiontradingpros.api.auth.sessions.Sessions;
import com.revolutiontradingpros.api.auth.verification.EmailVerifications;
import com.revolutiontradingpros.api.platform.web.ApiException;

/**
 * Sign-up and sign-in. Failures are throttled per email (5 in 15 minutes) and per IP (50 in 15 minutes); 10 in a
 * row lock the account for 30 minutes. An unknown email costs the same password hash as a wrong password, so
 * timing tells nothing.
 */
@Service
class LoginService {

    private final AccountRepository accounts;
    private final Passwords passwords;
    private final Sessions sessions;
    private final LoginAttempts attempts;
    private final EmailVerifications verifications;
    private final SecurityEvents events;
    private final AuthMail mail;
    private final ApplicationEventPublisher publisher;
    private final Mfa mfa;
    private final Passkeys passkeys;
    private final Clock clock;
    private final LoginProperties limits;
    private final String dummyHash;

    LoginService(AccountRepository accounts, Passwords passwords, Sessions sessions, LoginAttempts attempts,
            EmailVerifications verifications, SecurityEvents events, AuthMail mail, ApplicationEventPublisher publisher, Mfa mfa, Passkeys passkeys,
            Clock clock, LoginProperties limits) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.sessions = sessions;
        this.attempts = attempts;
        this.verifications = verifications;
        this.events = events;
        this.mail = mail;
        this.publisher = publisher;
        this.mfa = mfa;
        this.passkeys = passkeys;
        this.clock = clock;
        this.limits = limits;
        this.dummyHash = passwords.hash("not a real password, only spends the same time");
    }

    @Transactional
    public SignedIn register(String email, String password, String name, boolean newsletterOptIn, ClientInfo client) {
        String hash = passwords.hash(password);
        var account = accounts.insertMember(email, hash, name)
                .orElseThrow(() -> ApiException.conflict("email_taken", "an account with this email already exists"));
        verifications.send(account);
        events.record(account.id(), "registered", client, Map.of());
        publisher.publishEvent(new MemberRegistered(account.id(), account.email(), account.name(), newsletterOptIn));
        return new SignedIn(account, sessions.start(account, client));
    }

    @Transactional(noRollbackFor = ApiException.class)
    public Outcome login(String email, String password, ClientInfo client) {
        Instant now = Instant.now(clock);
        throttle("email", email, limits.emailFailures(), now);
        throttle("ip", client.ip(), limits.ipFailures(), now);

        var found = accounts.findByEmail(email);
        if (found.isEmpty()) {
            passwords.matches(password, dummyHash);
            attempts.record(email, client.ip(), false, "unknown_email");
            throw invalidCredentials();
        }
        var account = found.get();
        if (account.lockedUntil() != null && account.lockedUntil().isAfter(now)) {
            passwords.matches(password, dummyHash);
            attempts.record(email, client.ip(), false, "locked");
            throw ApiException.tooManyRequests(Duration.between(now, account.lockedUntil()).toSeconds());
        }
        if (!passwords.matchesStored(password, account.passwordHash())) {
            int failures = accounts.recordFailedLogin(account.id(), limits.lockAfter(), now.plus(limits.lockFor()));
            attempts.record(email, client.ip(), false, "wrong_password");
            events.record(account.id(), "login_failed", client, Map.of());
            if (failures == limits.lockAfter()) {
                events.record(account.id(), "account_locked", client, Map.of());
                mail.accountLocked(account);
            }
            throw invalidCredentials();
        }
        if (!account.active()) {
            attempts.record(email, client.ip(), false, "account_" + account.status());
            throw ApiException.forbidden("account_suspended", "this account is suspended or deleted");
        }
        String rehashed = passwords.needsRehash(account.passwordHash()) ? passwords.hash(password) : null;
        attempts.record(email, client.ip(), true, account.mfaEnabled() ? "mfa_pending" : null);
        if (account.mfaEnabled()) {
            // The password is proven; the session waits for the second factor.
            accounts.recordSuccessfulLogin(account.id(), rehashed, null);
            return new Outcome(null, mfa.challenge(account, client), secondFactors(account.id()));
        }
        accounts.recordSuccessfulLogin(account.id(), rehashed, now);
        return new Outcome(finish(account, client, rehashed != null, "password"), null, List.of());
    }

    /** The second step of an MFA sign-in. */
    @Transactional(noRollbackFor = ApiException.class)
    public SignedIn loginWithSecondFactor(String mfaToken, @Nullable String code, @Nullable String recoveryCode, ClientInfo client) {
        var account = mfa.completeChallenge(mfaToken, code, recoveryCode, client);
        accounts.recordSuccessfulLogin(account.id(), null, Instant.now(clock));
        return finish(account, client, false, code != null && !code.isBlank() ? "totp" : "recovery_code");
    }

    /** A passkey sign-in: the assertion is both factors. */
    @Transactional(noRollbackFor = ApiException.class)
    public SignedIn loginWithPasskey(String credentialJson, ClientInfo client) {
        var account = passkeys.authenticate(credentialJson, client);
        accounts.recordSuccessfulLogin(account.id(), null, Instant.now(clock));
        return finish(account, client, false, "passkey");
    }

    /** The second factors a pending MFA sign-in may use. */
    List<String> secondFactors(long userId) {
        return passkeys.count(userId) > 0 ? List.of("totp", "recovery_code", "webauthn") : List.of("totp", "recovery_code");
    }

    private SignedIn finish(Account account, ClientInfo client, boolean rehashed, String method) {
        if (account.lastLoginAt() != null && !sessions.knownDevice(account.id(), client)) {
            mail.newDevice(account, client);
        }
        events.record(account.id(), "login", client, rehashed ? Map.of("method", method, "password_rehashed", true) : Map.of("method", method));
        return new SignedIn(account, sessions.start(account, client));
    }

    private void throttle(String column, String value, int limit, Instant now) {
        attempts.oldestFailureOverLimit(column, value, limit, limits.window(), now).ifPresent(oldest -> {
            throw ApiException.tooManyRequests(Duration.between(now, oldest.plus(limits.window())).toSeconds() + 1);
        });
    }

    private static ApiException invalidCredentials() {
        return ApiException.unauthorized("invalid_credentials", "the email or password is wrong");
    }

    record SignedIn(Account account, Sessions.Issued tokens) {
    }

    /** Either signed in, or the password was right and a second factor is owed ({@code mfaToken}). */
    record Outcome(@Nullable SignedIn signedIn, @Nullable String mfaToken, List<String> methods) {
    }
}
