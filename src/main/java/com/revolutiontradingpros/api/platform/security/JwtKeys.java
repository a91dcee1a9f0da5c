package com.revolutiontradingpros.api.platform.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.text.ParseException;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * The RSA keys of access tokens: the current one signs, all of them verify. They come from configuration
 * or, in embedded mode, are generated once and kept in the data folder so restarts keep tokens valid.
 */
public final class JwtKeys {

    private final RSAKey current;
    private final List<RSAKey> all;

    private JwtKeys(RSAKey current, List<RSAKey> all) {
        this.current = current;
        this.all = List.copyOf(all);
    }

    public RSAKey current() {
        return current;
    }

    public JWKSet verificationKeys() {
        return new JWKSet(all.stream().map(key -> (com.nimbusds.jose.jwk.JWK) key).toList());
    }

    /** The public half of every key, as published at /.well-known/jwks.json. */
    public JWKSet publicKeys() {
        return verificationKeys().toPublicJWKSet();
    }

    static JwtKeys load(SecurityProperties properties, Path dataDir) {
        if (!properties.privateKey().isBlank()) {
            var key = fromPem(properties.privateKey(), properties.keyId());
            return new JwtKeys(key, List.of(key));
        }
        return fromDataDir(dataDir.resolve("keys").resolve("jwt-signing-key.json"));
    }

    private static JwtKeys fromDataDir(Path file) {
        try {
            if (Files.exists(file)) {
                var key = RSAKey.parse(Files.readString(file));
                return new JwtKeys(key, List.of(key));
            }
            var key = new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
            Files.createDirectories(file.getParent());
            Files.writeString(file, key.toJSONString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            restrictToOwner(file);
            return new JwtKeys(key, List.of(key));
        } catch (IOException | ParseException | JOSEException e) {
            throw new IllegalStateException("cannot load or create the JWT signing key at " + file + ": "
                    + e.getMessage(), e);
        }
    }

    private static RSAKey fromPem(String pem, String keyId) {
        try {
            String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            var factory = KeyFactory.getInstance("RSA");
            var privateKey = (RSAPrivateCrtKey) factory.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
            var publicKey = (RSAPublicKey) factory.generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            var builder = new RSAKey.Builder(publicKey).privateKey(privateKey).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256);
            return keyId.isBlank() ? builder.keyIDFromThumbprint().build() : builder.keyID(keyId).build();
        } catch (Exception e) {
            throw new IllegalStateException("JWT_PRIVATE_KEY is not a PKCS#8 PEM RSA private key ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static void restrictToOwner(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException ignored) {
            // Not a POSIX file system: the folder's own permissions protect the key.
        }
    }
}
