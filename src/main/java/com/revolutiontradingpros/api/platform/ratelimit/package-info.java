/** Token-bucket rate limits (Bucket4j), declared next to each route, shared through Redis when configured. */
@NullMarked
package com.revolutiontradingpros.api.platform.ratelimit;

import org.jspecify.annotations.NullMarked;
