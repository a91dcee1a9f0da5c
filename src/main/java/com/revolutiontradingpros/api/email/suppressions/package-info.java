/** The suppression list (email_suppressions): addresses, or hashes of erased ones, that a stream must not mail. */
@NullMarked
package com.revolutiontradingpros.api.email.suppressions;

import org.jspecify.annotations.NullMarked;
