/** Shared-kernel events about media and videos that other modules use (rule 24 of 04-content). */
@NullMarked
package com.revolutiontradingpros.api.platform.assets;

import org.jspecify.annotations.NullMarked;
