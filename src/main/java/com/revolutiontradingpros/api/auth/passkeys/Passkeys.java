package com.revolutiontradingpros.api.auth.passkeys;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.exception.DataConversionException;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.exception.VerificationException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.revolutiontradingpros.api.auth.accounts.Account;
import com.revolutiontradingpros.api.auth.accounts.AccountRepository;
import com.revolutiontradingpros.api.auth.accounts.ClientInfo;
import com.revolutiontradingpros.api.auth.events.SecurityEvents;
import com.revolutiontradingpros.api.auth.passwords.Passwords;
import com.revolutiontradingpros.api.platform.web.ApiException;

/**
 * Passkeys (WebAuthn) with webauthn4j: registration checks the attestation, origin, rpId and challenge; sign-in
 * checks the assertion's signature, origin, rpId, challenge (each used once) and that the sign counter grew.
 * Options are returned in the WebAuthn JSON form browsers parse directly (camelCase, base64url).
 */
@Service
public class Passkeys {

    static final Duration CHALLENGE_VALID_FOR = Duration.ofMinutes(5);
    private static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.RS256),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.EdDSA));
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final PasskeyStore store;
    private final AccountRepository accounts;
    private final Passwords passwords;
    private final SecurityEvents events;
    private final WebAuthnProperties properties;
    private final Clock clock;
    private final WebAuthnManager manager;
    private final AttestedCredentialDataConverter credentialData;
    private final Set<Origin> origins;

    Passkeys(PasskeyStore store, AccountRepository accounts, Passwords passwords, SecurityEvents events, WebAuthnProperties properties,
            Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.passwords = passwords;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
        var converter = new ObjectConverter();
        this.manager = WebAuthnManager.createNonStrictWebAuthnManager(converter);
        this.credentialData = new AttestedCredentialDataConverter(converter);
        this.origins = properties.origins().stream().map(Origin::new).collect(Collectors.toUnmodifiableSet());
    }

    @Transactional
    Map<String, Object> registrationOptions(long userId) {
        var account = accounts.findById(userId).orElseThrow(() -> ApiException.notFound("user"));
        byte[] challenge = newChallenge(userId, "register");
        var options = new LinkedHashMap<String, Object>();
        options.put("challenge", B64.encodeToString(challenge));
        options.put("rp", Map.of("id", properties.rpId(), "name", properties.rpName()));
        options.put("user", Map.of("id", B64.encodeToString(userHandle(userId)), "name", account.email(),
                "displayName", account.name().isBlank() ? account.email() : account.name()));
        options.put("pubKeyCredParams", ALGORITHMS.stream()
                .map(p -> Map.of("type", "public-key", "alg", p.getAlg().getValue())).toList());
        options.put("timeout", CHALLENGE_VALID_FOR.toMillis());
        options.put("excludeCredentials", descriptors(store.credentialIds(userId)));
        options.put("authenticatorSelection", Map.of("residentKey", "preferred", "requireResidentKey", false,
                "userVerification", "preferred"));
        options.put("attestation", "none");
        return options;
    }

    @Transactional(noRollbackFor = ApiException.class)
    PasskeyStore.PasskeyView register(long userId, String name, String credentialJson, ClientInfo client) {
        Instant now = Instant.now(clock);
        try {
            var data = manager.parseRegistrationResponseJSON(credentialJson);
            if (data.getCollectedClientData() == null || data.getAttestationObject() == null) {
                throw invalidCredential();
            }
            byte[] challenge = data.getCollectedClientData().getChallenge().getValue();
            long owner = store.takeChallenge(challenge, "register", now).orElseThrow(Passkeys::invalidCredential);
            if (owner != userId) {
                throw invalidCredential();
            }
            manager.verify(data, new RegistrationParameters(new ServerProperty(origins, properties.rpId(), new DefaultChallenge(challenge)),
                    ALGORITHMS, false, true));
            var authenticatorData = data.getAttestationObject().getAuthenticatorData();
            var attested = authenticatorData.getAttestedCredentialData();
            List<String> transports = data.getTransports() == null ? List.of()
                    : data.getTransports().stream().map(t -> t.getValue()).sorted().toList();
            long id = store.insert(userId, attested.getCredentialId(), credentialData.convert(attested), authenticatorData.getSignCount(),
                    attested.getAaguid() == null ? null : attested.getAaguid().getValue(), transports, name, authenticatorData.isFlagBS());
            events.record(userId, "passkey_added", client, Map.of("passkey_id", id));
            return store.list(userId).stream().filter(p -> p.id() == id).findFirst().orElseThrow();
        } catch (DataConversionException | VerificationException | IllegalArgumentException | NullPointerException e) {
            throw invalidCredential();
        }
    }

    @Transactional
    public Map<String, Object> loginOptions(@Nullable String email) {
        var account = email == null ? null : accounts.findByEmail(email).filter(Account::active).orElse(null);
        byte[] challenge = newChallenge(account == null ? null : account.id(), "login");
        var options = new LinkedHashMap<String, Object>();
        options.put("challenge", B64.encodeToString(challenge));
        options.put("rpId", properties.rpId());
        options.put("timeout", CHALLENGE_VALID_FOR.toMillis());
        // Unknown emails get the same answer as accounts without passkeys: a discoverable-credential request.
        options.put("allowCredentials", account == null ? List.of() : descriptors(store.credentialIds(account.id())));
        options.put("userVerification", "preferred");
        return options;
    }

    /** The account a passkey assertion proves; refuses replays, wrong origins and counters that went backwards. */
    @Transactional(noRollbackFor = ApiException.class)
    public Account authenticate(String credentialJson, ClientInfo client) {
        Instant now = Instant.now(clock);
        try {
            var data = manager.parseAuthenticationResponseJSON(credentialJson);
            if (data.getCollectedClientData() == null || data.getCredentialId() == null) {
                throw refused();
            }
            byte[] challenge = data.getCollectedClientData().getChallenge().getValue();
            long challengeUser = store.takeChallenge(challenge, "login", now).orElseThrow(Passkeys::refused);
            var credential = store.findByCredentialId(data.getCredentialId()).orElseThrow(Passkeys::refused);
            if (challengeUser != 0 && challengeUser != credential.userId()) {
                throw refused();
            }
            var record = new CredentialRecordImpl(new NoneAttestationStatement(), null, null, null, credential.signCount(),
                    credentialData.convert(credential.attestedCredentialData()), null, null, null, null);
            manager.verify(data, new AuthenticationParameters(new ServerProperty(origins, properties.rpId(), new DefaultChallenge(challenge)),
                    record, null, false, true));
            store.used(credential.id(), data.getAuthenticatorData().getSignCount(), now);
            return accounts.findById(credential.userId()).filter(Account::active)
                    .orElseThrow(() -> ApiException.forbidden("account_suspended", "this account is suspended or deleted"));
        } catch (com.webauthn4j.verifier.exception.MaliciousCounterValueException e) {
            throw ApiException.unauthorized("passkey_cloned", "this passkey's counter went backwards; it may have been copied");
        } catch (DataConversionException | VerificationException | IllegalArgumentException | NullPointerException e) {
            throw refused();
        }
    }

    List<PasskeyStore.PasskeyView> list(long userId) {
        return store.list(userId);
    }

    boolean rename(long userId, long id, String name) {
        return store.rename(userId, id, name);
    }

    /** Removes a passkey; when it is the last second factor left, the password must come with it. */
    @Transactional
    void delete(long userId, long id, @Nullable String password, ClientInfo client) {
        var account = accounts.findById(userId).orElseThrow(() -> ApiException.notFound("user"));
        if (store.list(userId).stream().noneMatch(p -> p.id() == id)) {
            throw ApiException.notFound("passkey");
        }
        boolean last = store.count(userId) == 1 && !account.mfaEnabled();
        if (last && !passwords.matchesStored(password, account.passwordHash())) {
            throw ApiException.invalid("password", "your password is required to remove your last passkey");
        }
        store.delete(userId, id);
        events.record(userId, "passkey_removed", client, Map.of("passkey_id", id));
    }

    public int count(long userId) {
        return store.count(userId);
    }

    private byte[] newChallenge(@Nullable Long userId, String kind) {
        byte[] challenge = new byte[32];
        RANDOM.nextBytes(challenge);
        store.saveChallenge(userId, challenge, kind, Instant.now(clock).plus(CHALLENGE_VALID_FOR));
        return challenge;
    }

    private static List<Map<String, Object>> descriptors(List<byte[]> credentialIds) {
        var list = new ArrayList<Map<String, Object>>();
        credentialIds.forEach(id -> list.add(Map.of("type", "public-key", "id", B64.encodeToString(id))));
        return list;
    }

    private static byte[] userHandle(long userId) {
        return ByteBuffer.allocate(8).putLong(userId).array();
    }

    private static ApiException invalidCredential() {
        return ApiException.invalid("credential", "the passkey could not be verified (challenge, origin or attestation)");
    }

    private static ApiException refused() {
        return ApiException.unauthorized("passkey_invalid", "the passkey sign-in could not be verified");
    }
}
