/** The users table as auth reads and writes it, and the auth emails. */
@NullMarked
package com.revolutiontradingpros.api.auth.accounts;

import org.jspecify.annotations.NullMarked;
