/** The optional Redis connection shared by rate limits, cache invalidation and token revocation. */
@NullMarked
package com.revolutiontradingpros.api.platform.redis;

import org.jspecify.annotations.NullMarked;
