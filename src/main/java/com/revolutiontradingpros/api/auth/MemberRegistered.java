package com.revolutiontradingpros.api.auth;

/**
 * A new member signed up. Published with the sign-up's transaction; the marketing module subscribes the
 * member to the newsletter when they opted in.
 */
public record MemberRegistered(long userId, String email, String name, boolean newsletterOptIn) {
}
