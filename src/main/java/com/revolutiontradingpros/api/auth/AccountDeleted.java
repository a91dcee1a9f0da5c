package com.revolutiontradingpros.api.auth;

/** A member deleted their account; other modules stop serving it (their data stays until erasure). */
public record AccountDeleted(long userId) {
}
