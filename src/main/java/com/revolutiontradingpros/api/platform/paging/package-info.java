/** Lists: page, per_page, sort, q and filter[field] parsed and checked once, for every module. */
@NullMarked
package com.revolutiontradingpros.api.platform.paging;

import org.jspecify.annotations.NullMarked;
