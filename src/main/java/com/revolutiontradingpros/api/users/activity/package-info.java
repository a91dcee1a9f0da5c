/** The activity log: who did what to an account, with the fields a change touched. */
@NullMarked
package com.revolutiontradingpros.api.users.activity;

import org.jspecify.annotations.NullMarked;
