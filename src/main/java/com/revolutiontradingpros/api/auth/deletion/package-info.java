/** Account deletion and the erasure of personal data 30 days later. */
@NullMarked
package com.revolutiontradingpros.api.auth.deletion;

import org.jspecify.annotations.NullMarked;
