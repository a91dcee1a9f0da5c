/** Text helpers every module needs the same way: slugs. */
@NullMarked
package com.revolutiontradingpros.api.platform.text;

import org.jspecify.annotations.NullMarked;
