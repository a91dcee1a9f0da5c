/**
 * Lists (email_lists) and who is on them (email_list_subscribers), with the staff's list administration
 * (/email/subscribers/lists). Public lists are the ones people join and leave themselves.
 */
@NullMarked
package com.revolutiontradingpros.api.email.lists;

import org.jspecify.annotations.NullMarked;
