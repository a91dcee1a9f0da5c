/** Rule 15's bulk actions, shared by posts, media and tags. */
@NullMarked
package com.revolutiontradingpros.api.content.bulk;

import org.jspecify.annotations.NullMarked;
