/**
 * Contacts (email_subscribers): one per address, linked to the account with that address, with the log of every
 * change made to them. Membership changes lock the contact first, so one person's changes never interleave.
 */
@NullMarked
package com.revolutiontradingpros.api.email.contacts;

import org.jspecify.annotations.NullMarked;
