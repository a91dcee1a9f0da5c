/** The published-post counts tags and categories carry. */
@NullMarked
package com.revolutiontradingpros.api.content.counts;

import org.jspecify.annotations.NullMarked;
