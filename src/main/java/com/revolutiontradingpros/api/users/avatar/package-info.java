/** Profile pictures and their thumbnails. */
@NullMarked
package com.revolutiontradingpros.api.users.avatar;

import org.jspecify.annotations.NullMarked;
