/** A member's own profile and activity (/me). */
@NullMarked
package com.revolutiontradingpros.api.users.me;

import org.jspecify.annotations.NullMarked;
