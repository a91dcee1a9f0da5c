/** Password hashing, policy, reset links and changes. */
@NullMarked
package com.revolutiontradingpros.api.auth.passwords;

import org.jspecify.annotations.NullMarked;
