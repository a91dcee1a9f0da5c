package com.revolutiontradingpros.api.auth.passkeys;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
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
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import com.revolutiontradingpros.api.auth.accounts.ClientInfo;
import com.revolutiontradingpros.api.platform.security.CurrentUser;
import com.revolutiontradingpros.api.platform.web.ApiException;

@RestController
@Tag(name = "Auth")
class PasskeysController {

    private final Passkeys passkeys;
    private final JsonMapper json;

    PasskeysController(Passkeys passkeys, JsonMapper json) {
        this.passkeys = passkeys;
        this.json = json;
    }

    record Options(@Schema(description = "PublicKeyCredentialCreationOptionsJSON, for navigator.credentials.create()") Map<String, Object> publicKey) {
    }

    record AddPasskey(@NotBlank @Size(max = 100) String name,
            @NotNull @Schema(description = "the RegistrationResponseJSON of navigator.credentials.create()") Map<String, Object> credential) {
    }

    record RenamePasskey(@NotBlank @Size(max = 100) String name) {
    }

    record RemovePasskey(@Nullable @Size(max = 1024) String password) {
    }

    @PostMapping("/auth/passkeys/options")
    @Operation(summary = "Options to register a passkey (challenge, rp, user handle, existing credentials excluded)")
    Options options(CurrentUser me) {
        return new Options(passkeys.registrationOptions(me.id()));
    }

    @PostMapping("/auth/passkeys")
    @Operation(summary = "Verify a new passkey's attestation and keep it under a name")
    ResponseEntity<PasskeyStore.PasskeyView> add(CurrentUser me, @Valid @RequestBody AddPasskey body, HttpServletRequest request) {
        var passkey = passkeys.register(me.id(), body.name().strip(), json.writeValueAsString(body.credential()), ClientInfo.of(request));
        return ResponseEntity.created(URI.create("/auth/passkeys/" + passkey.id())).body(passkey);
    }

    @GetMapping("/auth/passkeys")
    @Operation(summary = "Your passkeys: name, created, last used, backed up")
    List<PasskeyStore.PasskeyView> list(CurrentUser me) {
        return passkeys.list(me.id());
    }

    @PatchMapping("/auth/passkeys/{id}")
    @Operation(summary = "Rename one of your passkeys")
    PasskeyStore.PasskeyView rename(CurrentUser me, @PathVariable long id, @Valid @RequestBody RenamePasskey body) {
        if (!passkeys.rename(me.id(), id, body.name().strip())) {
            throw ApiException.notFound("passkey");
        }
        return passkeys.list(me.id()).stream().filter(p -> p.id() == id).findFirst().orElseThrow(() -> ApiException.notFound("passkey"));
    }

    @DeleteMapping("/auth/passkeys/{id}")
    @Operation(summary = "Remove one of your passkeys (your password is required when it is your last second factor)")
    ResponseEntity<Void> remove(CurrentUser me, @PathVariable long id, @RequestBody(required = false) @Nullable RemovePasskey body,
            HttpServletRequest request) {
        passkeys.delete(me.id(), id, body == null ? null : body.password(), ClientInfo.of(request));
        return ResponseEntity.noContent().build();
    }
}
