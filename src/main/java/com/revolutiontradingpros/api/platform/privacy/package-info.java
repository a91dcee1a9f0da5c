/** Personal data access (GDPR): modules contribute what they hold about a person to their data export. */
@NullMarked
package com.revolutiontradingpros.api.platform.privacy;

import org.jspecify.annotations.NullMarked;
