/**
 * In-process caches (Caffeine) that stay coherent across nodes: an invalidation on one node is published on
 * Redis and applied by every other node. Without Redis there is one node, so local invalidation is enough.
 */
@NullMarked
package com.revolutiontradingpros.api.platform.cache;

import org.jspecify.annotations.NullMarked;
