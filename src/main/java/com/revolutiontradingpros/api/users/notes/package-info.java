/** Staff notes on a user. */
@NullMarked
package com.revolutiontradingpros.api.users.notes;

import org.jspecify.annotations.NullMarked;
