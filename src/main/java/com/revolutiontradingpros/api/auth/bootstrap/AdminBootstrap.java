package com.revolutiontradingpros.api.auth.bootstrap;

import java.security.SecureRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.revolutiontradingpros.api.auth.passwords.Passwords;

/**
 * Makes sure the service can be administered: when no super admin exists, one is created from ADMIN_EMAIL and
 * ADMIN_PASSWORD, or with a generated one-time password printed once to the console (it must be changed at first
 * sign-in). Later starts find the admin and do nothing.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    /** Any constant: nodes starting together take turns, so only one creates the admin. */
    private static final long LOCK = 0x5254_5041_444d_494eL;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Passwords passwords;
    private final BootstrapProperties properties;

    AdminBootstrap(JdbcClient jdbc, TransactionTemplate transactions, Passwords passwords, BootstrapProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.passwords = passwords;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(:lock)").param("lock", LOCK).query(Object.class).single();
            boolean exists = jdbc.sql("SELECT EXISTS (SELECT 1 FROM users WHERE 'super_admin' = ANY (roles) AND status = 'active')")
                    .query(Boolean.class).single();
            if (exists) {
                return;
            }
            boolean generated = properties.adminPassword().isEmpty();
            String password = generated ? generatePassword() : properties.adminPassword();
            jdbc.sql("""
                    INSERT INTO users (email, email_verified_at, password_hash, name, status, roles, password_change_required)
                    VALUES (:email, now(), :hash, 'Administrator', 'active', ARRAY['member','super_admin'], :mustChange)
                    ON CONFLICT (email) DO UPDATE SET roles = ARRAY['member','super_admin'], status = 'active',
                        password_hash = EXCLUDED.password_hash, password_change_required = EXCLUDED.password_change_required,
                        updated_at = now()""")
                    .param("email", properties.adminEmail())
                    .param("hash", passwords.hash(password))
                    .param("mustChange", generated)
                    .update();
            if (generated) {
                announce(properties.adminEmail(), password);
            } else {
                log.info("created the super admin {} from ADMIN_EMAIL and ADMIN_PASSWORD", properties.adminEmail());
            }
        });
    }

    /** Printed, not logged: the password should not end up in a log pipeline. */
    private static void announce(String email, String password) {
        System.out.println("""

                ================================================================
                 First start: a super admin was created.
                   email:              %s
                   one-time password:  %s
                 Sign in and change it now; it is not shown again.
                ================================================================
                """.formatted(email, password));
    }

    private static String generatePassword() {
        var random = new SecureRandom();
        var password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
