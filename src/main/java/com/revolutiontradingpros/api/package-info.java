/** Revolution Trading Pros API: one package per module (platform, core, auth, users, …). */
@NullMarked
package com.revolutiontradingpros.api;

import org.jspecify.annotations.NullMarked;
