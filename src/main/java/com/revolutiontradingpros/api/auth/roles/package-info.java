/** Roles as stored, applied to each request. */
@NullMarked
package com.revolutiontradingpros.api.auth.roles;

import org.jspecify.annotations.NullMarked;
