package com.revolutiontradingpros.api.auth.passwords;

import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Argon2id with OWASP's parameters (19 MiB, 2 iterations, 1 lane). Hashes carried over from Laravel
 * ({@code $2y$} bcrypt) still verify, and {@link #needsRehash} tells the caller to replace them.
 */
@Component
public class Passwords {

    private final Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, 1, 19456, 2);
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();

    public String hash(String password) {
        return argon2.encode(password);
    }

    public boolean matches(String password, String hash) {
        if (hash.startsWith("$argon2id$")) {
            return argon2.matches(password, hash);
        }
        if (hash.startsWith("$2y$") || hash.startsWith("$2a$") || hash.startsWith("$2b$")) {
            // PHP writes $2y$; the algorithm is the same bcrypt as $2a$/$2b$.
            return bcrypt.matches(password, "$2a$" + hash.substring(4));
        }
        return false;
    }

    /** True when the password matches a stored hash; a missing password or an account without one matches nothing. */
    public boolean matchesStored(@Nullable String password, @Nullable String hash) {
        return password != null && hash != null && matches(password, hash);
    }

    public boolean needsRehash(String hash) {
        return !hash.startsWith("$argon2id$") || argon2.upgradeEncoding(hash);
    }
}
