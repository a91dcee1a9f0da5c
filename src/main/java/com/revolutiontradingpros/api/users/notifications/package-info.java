/** Which topics reach a member on which channel. */
@NullMarked
package com.revolutiontradingpros.api.users.notifications;

import org.jspecify.annotations.NullMarked;
