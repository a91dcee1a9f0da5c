package com.revolutiontradingpros.api.auth.mfa;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.revolutiontradingpros.api.auth.accounts.Account;
import com.revolutiontradingpros.api.auth.accounts.AccountRepository;
import com.revolutiontradingpros.api.auth.accounts.AuthMail;
import com.revolutiontradingpros.api.auth.accounts.ClientInfo;
import com.revolutiontradingpros.api.auth.accounts.SecretTokens;
import com.revolutiontradingpros.api.auth.events.SecurityEvents;
import com.revolutiontradingpros.api.auth.passkeys.Passkeys;
import com.revolutiontradingpros.api.auth.passwords.Passwords;
import com.revolutiontradingpros.api.platform.AppProperties;
import com.revolutiontradingpros.api.platform.security.KeyFiles;
import com.revolutiontradingpros.api.platform.security.SecretBox;
import com.revolutiontradingpros.api.platform.web.ApiException;

/**
 * TOTP enrolment, second-factor checks and recovery codes (02-auth rule 7). Seeds are sealed with AES-GCM;
 * an accepted code's step is recorded so the same code never works twice.
 */
@Service
public class Mfa {

    static final Duration CHALLENGE_VALID_FOR = Duration.ofMinutes(5);
    static final int CHALLENGE_TRIES = 5;
    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MfaStore store;
    private final AccountRepository accounts;
    private final Passwords passwords;
    private final SecurityEvents events;
    private final AuthMail mail;
    private final Clock clock;
    private final SecretBox box;
    private final String issuer;
    private final TotpCodes totp = new TotpCodes(6);
    private final Passkeys passkeys;

    Mfa(MfaStore store, AccountRepository accounts, Passwords passwords, SecurityEvents events, AuthMail mail, Clock clock,
            MfaProperties properties, AppProperties app, Passkeys passkeys) {
        this.passkeys = passkeys;
        this.store = store;
        this.accounts = accounts;
        this.passwords = passwords;
        this.events = events;
        this.mail = mail;
        this.clock = clock;
        this.issuer = properties.issuer();
        this.box = new SecretBox(properties.encryptionKey().isEmpty()
                ? KeyFiles.loadOrCreate(app.dataDir(), "mfa-encryption.key", 32)
                : HexFormat.of().parseHex(properties.encryptionKey()));
    }

    /** Starts a sign-in's second step: the token the client sends back with its code. */
    @Transactional
    public String challenge(Account account, ClientInfo client) {
        String token = SecretTokens.generate();
        store.createChallenge(account.id(), SecretTokens.hash(token), client.userAgent(), client.ip(),
                Instant.now(clock).plus(CHALLENGE_VALID_FOR));
        return token;
    }

    /** The user of a challenge whose second factor checks out; each call spends one of its 5 tries. */
    @Transactional(noRollbackFor = ApiException.class)
    public Account completeChallenge(String mfaToken, @Nullable String code, @Nullable String recoveryCode, ClientInfo client) {
        byte[] hash = SecretTokens.hash(mfaToken);
        Instant now = Instant.now(clock);
        long userId = store.tryChallenge(hash, CHALLENGE_TRIES, now)
                .orElseThrow(() -> ApiException.unauthorized("mfa_token_invalid", "the sign-in has expired or used all its tries; sign in again"));
        var account = accounts.findById(userId).filter(Account::active)
                .orElseThrow(() -> ApiException.forbidden("account_suspended", "this account is suspended or deleted"));
        if (!secondFactor(userId, code, recoveryCode)) {
            events.record(userId, "mfa_failed", client, Map.of());
            throw ApiException.unauthorized("invalid_mfa_code", "the code is wrong, expired or already used");
        }
        store.spendChallenge(hash, now);
        return account;
    }

    @Transactional
    Setup setup(long userId) {
        var account = accounts.findById(userId).orElseThrow(() -> ApiException.notFound("user"));
        byte[] secret = new byte[20];
        RANDOM.nextBytes(secret);
        if (!store.savePending(userId, box.seal(secret))) {
            throw ApiException.conflict("mfa_already_enabled", "two-factor sign-in is already on; turn it off first");
        }
        String base32 = Base32.encode(secret);
        String label = encode(issuer) + ":" + encode(account.email());
        String uri = "otpauth://totp/" + label + "?secret=" + base32 + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=6&period=30";
        return new Setup(base32, uri, QrCodes.pngDataUri(uri));
    }

    @Transactional(noRollbackFor = ApiException.class)
    List<String> confirm(long userId, String code, ClientInfo client) {
        var secret = store.find(userId).orElseThrow(() -> ApiException.conflict("mfa_not_started", "start the setup first"));
        if (secret.confirmed()) {
            throw ApiException.conflict("mfa_already_enabled", "two-factor sign-in is already on");
        }
        var step = totp.matchingStep(box.open(secret.sealed()), code.strip(), Instant.now(clock));
        if (step.isEmpty() || !store.useStep(userId, step.getAsLong())) {
            throw ApiException.invalid("code", "is not the current code of your authenticator");
        }
        var codes = newRecoveryCodes();
        store.confirm(userId, hashes(codes), Instant.now(clock));
        store.setMfaEnabled(userId, true);
        events.record(userId, "mfa_enabled", client, Map.of("method", "totp"));
        accounts.findById(userId).ifPresent(account -> mail.mfaChanged(account, "turned on"));
        return codes;
    }

    @Transactional(noRollbackFor = ApiException.class)
    void disable(long userId, String password, @Nullable String code, @Nullable String recoveryCode, ClientInfo client) {
        var account = accounts.findById(userId).orElseThrow(() -> ApiException.notFound("user"));
        if (!passwords.matchesStored(password, account.passwordHash())) {
            throw ApiException.invalid("password", "is not your current password");
        }
        if (store.find(userId).filter(MfaStore.Secret::confirmed).isEmpty()) {
            throw ApiException.conflict("mfa_not_enabled", "two-factor sign-in is not on");
        }
        if (!secondFactor(userId, code, recoveryCode)) {
            throw ApiException.invalid(code != null ? "code" : "recovery_code", "is wrong, expired or already used");
        }
        turnOff(account, "mfa_disabled", client, Map.of());
    }

    @Transactional(noRollbackFor = ApiException.class)
    List<String> regenerateRecoveryCodes(long userId, String code, ClientInfo client) {
        if (store.find(userId).filter(MfaStore.Secret::confirmed).isEmpty()) {
            throw ApiException.conflict("mfa_not_enabled", "two-factor sign-in is not on");
        }
        if (!secondFactor(userId, code, null)) {
            throw ApiException.invalid("code", "is wrong, expired or already used");
        }
        var codes = newRecoveryCodes();
        store.replaceRecoveryCodes(userId, hashes(codes));
        events.record(userId, "recovery_codes_regenerated", client, Map.of());
        return codes;
    }

    Status status(long userId) {
        var secret = store.find(userId).filter(MfaStore.Secret::confirmed);
        var methods = new ArrayList<String>();
        if (secret.isPresent()) {
            methods.add("totp");
            if (secret.get().recoveryCodesLeft() > 0) {
                methods.add("recovery_code");
            }
        }
        int passkeyCount = passkeys.count(userId);
        if (passkeyCount > 0) {
            methods.add("webauthn");
        }
        return new Status(secret.isPresent(), methods, secret.map(MfaStore.Secret::recoveryCodesLeft).orElse(0), passkeyCount);
    }

    /** An admin's reset for a member locked out of their authenticator. */
    @Transactional
    boolean reset(long userId, long adminId, ClientInfo client) {
        var account = accounts.findById(userId).orElseThrow(() -> ApiException.notFound("user"));
        if (store.find(userId).isEmpty() && !account.mfaEnabled()) {
            return false;
        }
        turnOff(account, "mfa_reset_by_admin", client, Map.of("by_admin", adminId));
        return true;
    }

    private void turnOff(Account account, String event, ClientInfo client, Map<String, Object> details) {
        store.delete(account.id());
        store.setMfaEnabled(account.id(), false);
        events.record(account.id(), event, client, details);
        mail.mfaChanged(account, "turned off");
    }

    /** True when the user has TOTP on and the code (or recovery code) checks out; spends it. */
    public boolean verifySecondFactor(long userId, @Nullable String code, @Nullable String recoveryCode) {
        return secondFactor(userId, code, recoveryCode);
    }

    private boolean secondFactor(long userId, @Nullable String code, @Nullable String recoveryCode) {
        var secret = store.find(userId).filter(MfaStore.Secret::confirmed);
        if (secret.isEmpty()) {
            return false;
        }
        if (code != null && !code.isBlank()) {
            var step = totp.matchingStep(box.open(secret.get().sealed()), code.strip(), Instant.now(clock));
            return step.isPresent() && store.useStep(userId, step.getAsLong());
        }
        return recoveryCode != null && !recoveryCode.isBlank() && store.useRecoveryCode(userId, hash(recoveryCode));
    }

    private static List<String> newRecoveryCodes() {
        var codes = new ArrayList<String>();
        for (int i = 0; i < 10; i++) {
            var code = new StringBuilder();
            for (int j = 0; j < 10; j++) {
                code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
            }
            codes.add(code.toString());
        }
        return codes;
    }

    private static List<String> hashes(List<String> codes) {
        return codes.stream().map(Mfa::hash).toList();
    }

    private static String hash(String recoveryCode) {
        String normal = recoveryCode.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        return HexFormat.of().formatHex(SecretTokens.hash(normal));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    record Setup(String secret, String otpauthUri, String qrCode) {
    }

    record Status(boolean totpEnabled, List<String> methods, int recoveryCodesLeft, int passkeys) {
    }
}
