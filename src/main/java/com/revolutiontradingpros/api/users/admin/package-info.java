/** The staff's user administration: list, detail, roles, suspension, deletion, impersonation and bulk actions. */
@NullMarked
package com.revolutiontradingpros.api.users.admin;

import org.jspecify.annotations.NullMarked;
