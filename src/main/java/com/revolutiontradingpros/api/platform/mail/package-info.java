/**
 * Transactional mail used by every module: {@link com.revolutiontradingpros.api.platform.mail.Mail#send} stores the
 * message in the caller's transaction; once it commits, the dispatcher delivers it through the configured
 * transport (outbox, Postmark or SMTP) and retries with backoff until it is delivered or refused for good.
 */
@NullMarked
package com.revolutiontradingpros.api.platform.mail;

import org.jspecify.annotations.NullMarked;
