/**
 * A person's own area (/me) and the staff's user administration (/users, /members): profiles, preferences,
 * notification switches, notes, tags and the activity log. Accounts themselves belong to auth and are reached
 * through {@link com.revolutiontradingpros.api.auth.Accounts}.
 */
@ApplicationModule(displayName = "Users")
@NullMarked
package com.revolutiontradingpros.api.users;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
