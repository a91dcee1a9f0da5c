/** GDPR data exports: a zip of every module's personal data, behind a signed link. */
@NullMarked
package com.revolutiontradingpros.api.users.dataexport;

import org.jspecify.annotations.NullMarked;
