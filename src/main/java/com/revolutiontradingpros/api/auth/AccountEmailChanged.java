package com.revolutiontradingpros.api.auth;

/**
 * An account's sign-in address changed, confirmed by its owner or set by staff (then unverified until confirmed).
 * Published with the change's transaction; the email module moves the person's contact to the new address.
 */
public record AccountEmailChanged(long userId, String previousEmail, String email) {
}
