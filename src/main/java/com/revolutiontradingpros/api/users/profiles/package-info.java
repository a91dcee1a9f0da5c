/** Profile fields the users module keeps about an account, and their validation. */
@NullMarked
package com.revolutiontradingpros.api.users.profiles;

import org.jspecify.annotations.NullMarked;
