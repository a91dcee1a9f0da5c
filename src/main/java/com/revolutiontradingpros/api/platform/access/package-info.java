/** The entitlements port: who may read members-only and paid content. The commerce module implements it. */
@NullMarked
package com.revolutiontradingpros.api.platform.access;

import org.jspecify.annotations.NullMarked;
