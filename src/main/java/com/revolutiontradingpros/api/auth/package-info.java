/**
 * Accounts and sign-in: users, passwords, tokens, sessions, MFA and passkeys. For now it holds the users table,
 * password hashing and the first super admin; the endpoints of 02-auth.md come with the auth issue.
 */
@ApplicationModule(displayName = "Auth")
@NullMarked
package com.revolutiontradingpros.api.auth;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
