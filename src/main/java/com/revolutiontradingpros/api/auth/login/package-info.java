/** Sign-up and sign-in, with throttling and lockout. */
@NullMarked
package com.revolutiontradingpros.api.auth.login;

import org.jspecify.annotations.NullMarked;
