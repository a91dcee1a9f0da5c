/** Who may read gated content: the role-based stand-in for the commerce module's entitlements. */
@NullMarked
package com.revolutiontradingpros.api.content.access;

import org.jspecify.annotations.NullMarked;
