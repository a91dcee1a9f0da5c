/** HTTP plumbing shared by every endpoint: problem responses, request ids, body limits, ETags. */
@NullMarked
package com.revolutiontradingpros.api.platform.web;

import org.jspecify.annotations.NullMarked;
