/** Where media items and videos are used, maintained from content's own changes and other modules' usage events. */
@NullMarked
package com.revolutiontradingpros.api.content.usages;

import org.jspecify.annotations.NullMarked;
