/** Idempotency-Key support for every state-changing request: the first response is replayed for 24 h. */
@NullMarked
package com.revolutiontradingpros.api.platform.idempotency;

import org.jspecify.annotations.NullMarked;
