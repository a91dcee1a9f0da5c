package com.revolutiontradingpros.api.platform.idempotency;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** A row of idempotency_keys; {@code status} is null while the first request is still being handled. */
record StoredResponse(byte[] requestHash, @Nullable Integer status, Map<String, String> headers, byte[] body,
        Instant createdAt, Instant expiresAt) {

    boolean inProgress() {
        return status == null;
    }
}
