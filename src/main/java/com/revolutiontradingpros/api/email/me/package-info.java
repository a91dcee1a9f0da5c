/** A signed-in person's own list subscriptions ({@code /me/email-subscriptions}, rows 12–13 of 03-users). */
@NullMarked
package com.revolutiontradingpros.api.email.me;

import org.jspecify.annotations.NullMarked;
