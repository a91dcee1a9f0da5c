package com.revolutiontradingpros.api.auth;

/** A deleted account's personal data was erased; other modules anonymise what they keep (orders stay, unnamed). */
public record AccountErased(long userId) {
}
