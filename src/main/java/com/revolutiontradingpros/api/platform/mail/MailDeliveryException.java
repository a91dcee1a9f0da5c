package com.revolutiontradingpros.api.platform.mail;

/** A delivery that did not happen; {@code permanent} when sending the same message again cannot succeed. */
class MailDeliveryException extends RuntimeException {

    private final boolean permanent;

    MailDeliveryException(String message, boolean permanent) {
        super(message);
        this.permanent = permanent;
    }

    MailDeliveryException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    boolean permanent() {
        return permanent;
    }
}
