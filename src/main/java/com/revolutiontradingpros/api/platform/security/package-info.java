/**
 * Who is calling and what they may do: JWT bearer tokens (keys from configuration or generated into the
 * data folder), roles, per-route access declarations, session revocation shared across nodes.
 */
@NullMarked
package com.revolutiontradingpros.api.platform.security;

import org.jspecify.annotations.NullMarked;
