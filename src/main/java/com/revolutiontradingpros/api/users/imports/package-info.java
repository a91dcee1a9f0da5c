/** CSV import of users as a background job with a per-line report. */
@NullMarked
package com.revolutiontradingpros.api.users.imports;

import org.jspecify.annotations.NullMarked;
