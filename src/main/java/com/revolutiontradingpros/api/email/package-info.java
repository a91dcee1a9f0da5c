/**
 * Email (06-email.md): the only way the service sends or receives email, and the email marketing built on it.
 * Built so far: the contact book's core (contacts linked to accounts, lists and memberships, each contact's change
 * log, the suppression list), the staff's list administration and a signed-in person's own list subscriptions
 * ({@code /me/email-subscriptions} of 03-users). Sending still goes through {@code platform.mail}.
 */
@ApplicationModule(displayName = "Email")
@NullMarked
package com.revolutiontradingpros.api.email;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
