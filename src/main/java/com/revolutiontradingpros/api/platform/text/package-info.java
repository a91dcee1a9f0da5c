/** Text helpers every module needs the same way: slugs and spreadsheet-safe CSV. */
@NullMarked
package com.revolutiontradingpros.api.platform.text;

import org.jspecify.annotations.NullMarked;
