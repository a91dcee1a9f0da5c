package com.revolutiontradingpros.api.platform.web;

import java.io.IOException;

import org.springframework.http.HttpStatus;

/** Thrown while reading a body that grows past its limit; surfaces as a 413 problem. */
public class BodyTooLargeException extends IOException {

    private final long limit;

    public BodyTooLargeException(long limit) {
        super("request body exceeds " + limit + " bytes");
        this.limit = limit;
    }

    public ApiException asProblem() {
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large", "Payload too large",
                "the request body is larger than the " + limit + " bytes this endpoint accepts");
    }
}
