package com.revolutiontradingpros.api.auth.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpCodesTest {

    private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "T={0} gives {1}")
    @CsvSource({"59,94287082", "1111111109,07081804", "1111111111,14050471", "1234567890,89005924",
            "2000000000,69279037", "20000000000,65353130"})
    void rfc6238Sha1TestVectors(long seconds, String expected) {
        assertThat(new TotpCodes(8).code(RFC_SECRET, Instant.ofEpochSecond(seconds))).isEqualTo(expected);
    }

    @Test
    void agreesWithAnIndependentImplementation() throws Exception {
        var independent = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);
        byte[] secret = new byte[20];
        new java.security.SecureRandom().nextBytes(secret);
        String base32 = Base32.encode(secret);
        var ours = new TotpCodes(6);
        for (long step = 55_000_000; step < 55_000_050; step++) {
            assertThat(ours.code(secret, Instant.ofEpochSecond(step * 30))).isEqualTo(independent.generate(base32, step));
        }
    }

    @Test
    void acceptsOneStepEitherSideOnly() {
        var totp = new TotpCodes(6);
        Instant now = Instant.ofEpochSecond(1_700_000_000);
        long current = now.getEpochSecond() / 30;
        assertThat(totp.matchingStep(RFC_SECRET, totp.code(RFC_SECRET, now.minusSeconds(30)), now)).hasValue(current - 1);
        assertThat(totp.matchingStep(RFC_SECRET, totp.code(RFC_SECRET, now.plusSeconds(30)), now)).hasValue(current + 1);
        assertThat(totp.matchingStep(RFC_SECRET, totp.code(RFC_SECRET, now.plusSeconds(90)), now)).isEmpty();
        assertThat(totp.matchingStep(RFC_SECRET, "000000x", now)).isEmpty();
    }
}
