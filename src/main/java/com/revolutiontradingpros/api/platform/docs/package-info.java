/** The OpenAPI 3.1 document at /openapi.json and the docs page at /docs, shaped to match the wire format. */
@NullMarked
package com.revolutiontradingpros.api.platform.docs;

import org.jspecify.annotations.NullMarked;
