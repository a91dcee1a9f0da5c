/** The JWT signing keys: JWKS and rotation. */
@NullMarked
package com.revolutiontradingpros.api.auth.keys;

import org.jspecify.annotations.NullMarked;
