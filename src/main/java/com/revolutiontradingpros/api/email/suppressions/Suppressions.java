package com.revolutiontradingpros.api.email.suppressions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.revolutiontradingpros.api.email.contacts.EmailHashes;

/**
 * Suppressions the contact book itself writes. An erased person's address is kept only as a hash on the broadcast
 * stream, so imports and staff cannot add it back; the person lifts it by signing up again themselves (rule 36).
 */
@Repository
public class Suppressions {

    private final JdbcClient jdbc;

    Suppressions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void suppressErased(byte[] emailHash) {
        jdbc.sql("""
                INSERT INTO email_suppressions (email, email_hash, stream, reason, origin) VALUES (NULL, :hash, 'broadcast', 'erased', 'system')
                ON CONFLICT (email_hash, stream) DO UPDATE SET email = NULL, reason = 'erased', origin = 'system'""")
                .param("hash", emailHash).update();
    }

    /** The person signed up again: an erasure no longer speaks for them. Other reasons stay. */
    public void liftErasure(String email) {
        jdbc.sql("DELETE FROM email_suppressions WHERE email_hash = :hash AND reason = 'erased'").param("hash", EmailHashes.of(email)).update();
    }
}
