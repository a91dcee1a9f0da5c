/**
 * Contacts of accounts (06 rule 29): the contact with an account's address is linked to it, follows the account to
 * a new address and is erased with it.
 */
@NullMarked
package com.revolutiontradingpros.api.email.accounts;

import org.jspecify.annotations.NullMarked;
