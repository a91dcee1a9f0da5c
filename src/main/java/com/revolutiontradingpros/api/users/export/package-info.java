/** CSV export of the user list, streamed. */
@NullMarked
package com.revolutiontradingpros.api.users.export;

import org.jspecify.annotations.NullMarked;
