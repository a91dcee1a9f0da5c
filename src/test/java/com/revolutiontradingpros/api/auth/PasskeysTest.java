package com.revolutiontradingpros.api.auth;

import static com.revolutiontradingpros.api.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.webauthn4j.data.AttestationConveyancePreference;
import com.webauthn4j.data.AuthenticatorAssertionResponse;
import com.webauthn4j.data.AuthenticatorAttestationResponse;
import com.webauthn4j.data.AuthenticatorSelectionCriteria;
import com.webauthn4j.data.PublicKeyCredential;
import com.webauthn4j.data.PublicKeyCredentialCreationOptions;
import com.webauthn4j.data.PublicKeyCredentialDescriptor;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialRequestOptions;
import com.webauthn4j.data.PublicKeyCredentialRpEntity;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.PublicKeyCredentialUserEntity;
import com.webauthn4j.data.ResidentKeyRequirement;
import com.webauthn4j.data.UserVerificationRequirement;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.test.authenticator.webauthn.PackedAuthenticator;
import com.webauthn4j.test.authenticator.webauthn.WebAuthnAuthenticatorAdaptor;
import com.webauthn4j.test.client.ClientPlatform;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.revolutiontradingpros.api.support.Http;

/** Passkeys, registered and used by webauthn4j's software authenticator, which signs real attestations and assertions. */
class PasskeysTest extends AuthTestSupport {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    @Test
    void registerThenSignInAndRefuseReplaysWrongOriginsAndClonedCounters() {
        String email = newEmail();
        var tokens = register(client(), email);
        Http me = client().withToken(bearer(tokens));
        var authenticator = new PackedAuthenticator();
        authenticator.setCountUpEnabled(true);
        var browser = new ClientPlatform(new Origin("http://localhost:3000"), new WebAuthnAuthenticatorAdaptor(authenticator));

        var options = me.post("/auth/passkeys/options", "").json().get("public_key");
        assertThat(options.get("rp").get("id").asString()).isEqualTo("localhost");
        assertThat(options.get("authenticatorSelection").get("residentKey").asString()).isEqualTo("preferred");
        var created = browser.create(creationOptions(options));
        var added = me.post("/auth/passkeys", "{\"name\":\"YubiKey\",\"credential\":" + registrationJson(created) + "}");
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.json().get("name").asString()).isEqualTo("YubiKey");
        assertThat(me.get("/auth/passkeys").json().size()).isEqualTo(1);
        assertThat(me.get("/auth/mfa").json().get("passkeys").asInt()).isEqualTo(1);
        assertProblem(me.post("/auth/passkeys", "{\"name\":\"Again\",\"credential\":" + registrationJson(created) + "}"), 422,
                "validation_failed");

        var loginOptions = client().post("/auth/login/biometric/options", "{\"email\":\"%s\"}".formatted(email)).json().get("public_key");
        assertThat(loginOptions.get("allowCredentials").get(0).get("id").asString()).isEqualTo(B64.encodeToString(created.getRawId()));
        String assertion = assertionJson(browser.get(requestOptions(loginOptions)));
        var signedIn = client().post("/auth/login/biometric", "{\"credential\":" + assertion + "}");
        assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
        assertThat(client().withToken(bearer(signedIn.json())).get("/auth/me").json().get("user").get("email").asString()).isEqualTo(email);

        assertProblem(client().post("/auth/login/biometric", "{\"credential\":" + assertion + "}"), 401, "passkey_invalid");

        // A copy of the key that did not see the last sign-ins presents a counter that is not above the stored one.
        authenticator.setCountUpEnabled(false);
        var cloneOptions = client().post("/auth/login/biometric/options", "{\"email\":\"%s\"}".formatted(email)).json().get("public_key");
        var cloned = client().post("/auth/login/biometric", "{\"credential\":" + assertionJson(browser.get(requestOptions(cloneOptions))) + "}");
        assertProblem(cloned, 401, "passkey_cloned");
        var phishing = new ClientPlatform(new Origin("https://evil.example"), new WebAuthnAuthenticatorAdaptor(authenticator));
        var phishingOptions = client().post("/auth/login/biometric/options", "{}").json().get("public_key");
        assertThat(phishingOptions.get("allowCredentials").size()).isZero();
        String phished = assertionJson(phishing.get(requestOptionsFor(phishingOptions, created.getRawId())));
        assertProblem(client().post("/auth/login/biometric", "{\"credential\":" + phished + "}"), 401, "passkey_invalid");

    }

    @Test
    void manageAndRemovePasskeys() {
        var tokens = register(client(), newEmail());
        Http me = client().withToken(bearer(tokens));
        var browser = new ClientPlatform(new Origin("http://localhost:5173"), new WebAuthnAuthenticatorAdaptor(new PackedAuthenticator()));
        var created = browser.create(creationOptions(me.post("/auth/passkeys/options", "").json().get("public_key")));
        long id = me.post("/auth/passkeys", "{\"name\":\"Laptop\",\"credential\":" + registrationJson(created) + "}").json().get("id").asLong();

        assertThat(me.patch("/auth/passkeys/" + id, "{\"name\":\"Work laptop\"}").json().get("name").asString()).isEqualTo("Work laptop");
        assertProblem(me.patch("/auth/passkeys/" + id, "{\"name\":\"\"}"), 422, "validation_failed");

        Http other = client().withToken(bearer(register(client(), newEmail())));
        assertProblem(other.patch("/auth/passkeys/" + id, "{\"name\":\"Mine now\"}"), 404, "not_found");
        assertProblem(other.delete("/auth/passkeys/" + id), 404, "not_found");

        assertProblem(me.delete("/auth/passkeys/" + id), 422, "validation_failed");
        assertThat(me.send("DELETE", "/auth/passkeys/" + id, "application/json", "{\"password\":\"%s\"}".formatted(PASSWORD)).status())
                .isEqualTo(204);
        assertThat(me.get("/auth/passkeys").json().size()).isZero();
        assertProblem(http.get("/auth/passkeys"), 401, "unauthenticated");
        assertProblem(me.post("/auth/passkeys", "{\"name\":\"x\",\"credential\":{\"id\":\"junk\"}}"), 422, "validation_failed");
    }

    @Test
    void aPasskeyFromAnotherOriginCannotBeRegistered() {
        Http me = client().withToken(bearer(register(client(), newEmail())));
        var evil = new ClientPlatform(new Origin("https://evil.example"), new WebAuthnAuthenticatorAdaptor(new PackedAuthenticator()));
        var created = evil.create(creationOptions(me.post("/auth/passkeys/options", "").json().get("public_key")));
        assertProblem(me.post("/auth/passkeys", "{\"name\":\"Evil\",\"credential\":" + registrationJson(created) + "}"), 422,
                "validation_failed");
    }

    private static PublicKeyCredentialCreationOptions creationOptions(JsonNode options) {
        var user = options.get("user");
        return new PublicKeyCredentialCreationOptions(
                new PublicKeyCredentialRpEntity(options.get("rp").get("id").asString(), options.get("rp").get("name").asString()),
                new PublicKeyCredentialUserEntity(DECODE.decode(user.get("id").asString()), user.get("name").asString(),
                        user.get("displayName").asString()),
                new DefaultChallenge(DECODE.decode(options.get("challenge").asString())),
                List.of(new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256)),
                options.get("timeout").asLong(), List.of(),
                new AuthenticatorSelectionCriteria(null, ResidentKeyRequirement.PREFERRED, UserVerificationRequirement.PREFERRED),
                AttestationConveyancePreference.NONE, null);
    }

    private static PublicKeyCredentialRequestOptions requestOptions(JsonNode options) {
        var allowed = new ArrayList<PublicKeyCredentialDescriptor>();
        options.get("allowCredentials").forEach(c -> allowed.add(
                new PublicKeyCredentialDescriptor(PublicKeyCredentialType.PUBLIC_KEY, DECODE.decode(c.get("id").asString()), null)));
        return new PublicKeyCredentialRequestOptions(new DefaultChallenge(DECODE.decode(options.get("challenge").asString())),
                options.get("timeout").asLong(), options.get("rpId").asString(), allowed, UserVerificationRequirement.PREFERRED, null);
    }

    private static PublicKeyCredentialRequestOptions requestOptionsFor(JsonNode options, byte[] credentialId) {
        return new PublicKeyCredentialRequestOptions(new DefaultChallenge(DECODE.decode(options.get("challenge").asString())),
                options.get("timeout").asLong(), options.get("rpId").asString(),
                List.of(new PublicKeyCredentialDescriptor(PublicKeyCredentialType.PUBLIC_KEY, credentialId, null)),
                UserVerificationRequirement.PREFERRED, null);
    }

    private static String registrationJson(PublicKeyCredential<AuthenticatorAttestationResponse, ?> credential) {
        String id = B64.encodeToString(credential.getRawId());
        return """
                {"id":"%s","rawId":"%s","type":"public-key","response":{"clientDataJSON":"%s","attestationObject":"%s","transports":["usb"]},\
                "clientExtensionResults":{}}""".formatted(id, id, B64.encodeToString(credential.getResponse().getClientDataJSON()),
                B64.encodeToString(credential.getResponse().getAttestationObject()));
    }

    private static String assertionJson(PublicKeyCredential<AuthenticatorAssertionResponse, ?> credential) {
        String id = B64.encodeToString(credential.getRawId());
        var response = credential.getResponse();
        return """
                {"id":"%s","rawId":"%s","type":"public-key","response":{"clientDataJSON":"%s","authenticatorData":"%s","signature":"%s"%s},\
                "clientExtensionResults":{}}""".formatted(id, id, B64.encodeToString(response.getClientDataJSON()),
                B64.encodeToString(response.getAuthenticatorData()), B64.encodeToString(response.getSignature()),
                response.getUserHandle() == null ? "" : ",\"userHandle\":\"" + B64.encodeToString(response.getUserHandle()) + "\"");
    }
}
