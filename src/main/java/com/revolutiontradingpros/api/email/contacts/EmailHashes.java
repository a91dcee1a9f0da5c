package com.revolutiontradingpros.api.email.contacts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * SHA-256 of the lower-cased address: what stays of an erased address (suppressions, campaign statistics), so
 * the same address can still be recognised without being kept.
 */
public final class EmailHashes {

    private EmailHashes() {
    }

    public static byte[] of(String email) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(email.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
