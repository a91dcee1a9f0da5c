package com.revolutiontradingpros.api.platform.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.revolutiontradingpros.api.platform.cache.Caches;
import com.revolutiontradingpros.api.platform.cache.NamedCache;

/**
 * The RSA keys of access tokens, shared by all nodes through PostgreSQL: the newest unretired key signs, and
 * retired keys keep verifying for one access-token lifetime. The first key comes from JWT_PRIVATE_KEY or, in
 * embedded mode, from a key generated once into the data folder. Each node keeps the key set in a cache that
 * expires after a minute and is dropped on every node (Redis pub/sub) when a key is rotated.
 */
public final class JwtKeys {

    private static final String CACHE_KEY = "keys";
    private static final Duration RELOAD_UNKNOWN_KID_AT_MOST_EVERY = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final SecretBox box;
    private final Duration verifyRetiredFor;
    private final Clock clock;
    private final NamedCache<Snapshot> cache;
    private volatile long lastForcedReload;
    private volatile @Nullable Snapshot last;

    private JwtKeys(JdbcClient jdbc, SecretBox box, Duration verifyRetiredFor, Clock clock, Caches caches) {
        this.jdbc = jdbc;
        this.box = box;
        this.verifyRetiredFor = verifyRetiredFor;
        this.clock = clock;
        this.cache = caches.create("security.jwt-keys", Duration.ofMinutes(1), 1);
    }

    public RSAKey current() {
        return snapshot().current();
    }

    /** The public key for a token's kid; an unknown kid makes this node re-read the keys (at most every 5 s). */
    public Optional<RSAPublicKey> verificationKey(String kid) {
        var key = snapshot().publicKeys().get(kid);
        if (key == null && clock.millis() - lastForcedReload > RELOAD_UNKNOWN_KID_AT_MOST_EVERY.toMillis()) {
            lastForcedReload = clock.millis();
            cache.invalidateLocally(CACHE_KEY);
            key = snapshot().publicKeys().get(kid);
        }
        return Optional.ofNullable(key);
    }

    public JWKSet verificationKeys() {
        return new JWKSet(snapshot().verifying().stream().map(key -> (com.nimbusds.jose.jwk.JWK) key).toList());
    }

    /** The public half of every key that verifies, as published at /.well-known/jwks.json. */
    public JWKSet publicKeys() {
        return verificationKeys().toPublicJWKSet();
    }

    /** Makes a new signing key current on every node; the previous one keeps verifying for a token lifetime. */
    public Rotation rotate() {
        var previous = current();
        var next = generate();
        Instant now = Instant.now(clock);
        // One statement, so the old key is retired exactly when the new one arrives.
        jdbc.sql("""
                WITH retired AS (UPDATE jwt_signing_keys SET retired_at = :now WHERE retired_at IS NULL RETURNING kid)
                INSERT INTO jwt_signing_keys (kid, sealed_jwk, created_at) VALUES (:kid, :jwk, :now)""")
                .param("now", Timestamp.from(now)).param("kid", next.getKeyID())
                .param("jwk", box.seal(next.toJSONString().getBytes(StandardCharsets.UTF_8))).update();
        cache.invalidate(CACHE_KEY);
        return new Rotation(next.getKeyID(), previous.getKeyID(), now.plus(verifyRetiredFor));
    }

    public record Rotation(String kid, String previousKid, Instant previousVerifiesUntil) {
    }

    private Snapshot snapshot() {
        try {
            var snapshot = cache.get(CACHE_KEY, key -> load());
            last = snapshot;
            return snapshot;
        } catch (RuntimeException e) {
            // PostgreSQL is unreachable: keep verifying with the keys already known rather than refusing everyone.
            var known = last;
            if (known == null) {
                throw e;
            }
            return known;
        }
    }

    private Snapshot load() {
        Instant now = Instant.now(clock);
        var rows = jdbc.sql("SELECT kid, sealed_jwk, retired_at FROM jwt_signing_keys ORDER BY created_at DESC, kid")
                .query((rs, n) -> new Row(rs.getBytes("sealed_jwk"), rs.getTimestamp("retired_at") == null ? null
                        : rs.getTimestamp("retired_at").toInstant()))
                .list();
        RSAKey current = null;
        var verifying = new ArrayList<RSAKey>();
        for (Row row : rows) {
            if (row.retiredAt() != null && row.retiredAt().isBefore(now.minus(verifyRetiredFor))) {
                continue;
            }
            RSAKey key = parse(new String(box.open(row.sealed()), StandardCharsets.UTF_8));
            verifying.add(key);
            if (current == null && row.retiredAt() == null) {
                current = key;
            }
        }
        if (current == null) {
            throw new IllegalStateException("no current JWT signing key in jwt_signing_keys");
        }
        var publicKeys = new HashMap<String, RSAPublicKey>();
        for (RSAKey key : verifying) {
            try {
                publicKeys.put(key.getKeyID(), key.toRSAPublicKey());
            } catch (JOSEException e) {
                throw new IllegalStateException("unusable JWT key " + key.getKeyID(), e);
            }
        }
        return new Snapshot(current, List.copyOf(verifying), Map.copyOf(publicKeys));
    }

    private void insert(RSAKey key, Instant now) {
        jdbc.sql("INSERT INTO jwt_signing_keys (kid, sealed_jwk, created_at) VALUES (:kid, :jwk, :now) ON CONFLICT (kid) DO NOTHING")
                .param("kid", key.getKeyID()).param("jwk", box.seal(key.toJSONString().getBytes(StandardCharsets.UTF_8)))
                .param("now", Timestamp.from(now)).update();
    }

    private record Row(byte[] sealed, @Nullable Instant retiredAt) {
    }

    private record Snapshot(RSAKey current, List<RSAKey> verifying, Map<String, RSAPublicKey> publicKeys) {
    }

    /**
     * The key ring of this deployment. When the table is empty, the configured (or data-folder) key becomes its
     * first key, so tokens issued before the ring existed stay valid.
     */
    static JwtKeys load(SecurityProperties properties, Path dataDir, JdbcClient jdbc, Caches caches, Clock clock) {
        byte[] sealKey = properties.keysEncryptionKey().isEmpty()
                ? KeyFiles.loadOrCreate(dataDir, "jwt-keys-encryption.key", 32)
                : java.util.HexFormat.of().parseHex(properties.keysEncryptionKey());
        var keys = new JwtKeys(jdbc, new SecretBox(sealKey), properties.accessTokenTtl().plusMinutes(1), clock, caches);
        boolean empty = jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM jwt_signing_keys)").query(Boolean.class).single();
        if (empty) {
            var first = properties.privateKey().isBlank()
                    ? fromDataDir(dataDir.resolve("keys").resolve("jwt-signing-key.json"))
                    : fromPem(properties.privateKey(), properties.keyId());
            keys.insert(first, Instant.now(clock));
        }
        return keys;
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey parse(String json) {
        try {
            return RSAKey.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("a stored JWT key is not a valid JWK", e);
        }
    }

    private static RSAKey fromDataDir(Path file) {
        try {
            if (Files.exists(file)) {
                return RSAKey.parse(Files.readString(file));
            }
            var key = generate();
            Files.createDirectories(file.getParent());
            Files.writeString(file, key.toJSONString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            KeyFiles.restrictToOwner(file);
            return key;
        } catch (IOException | ParseException e) {
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
}
