package com.revolutiontradingpros.api.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat refuses some requests before any servlet sees them (a path with {@code %2e%2e} or broken
 * percent-encoding); it would answer with an HTML page. This valve answers with a problem document instead.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.isCommitted() || response.getContentWritten() > 0) {
            return;
        }
        String code = switch (status) {
            case 400 -> "bad_request";
            case 404 -> "not_found";
            case 413 -> "payload_too_large";
            case 414 -> "uri_too_long";
            case 431 -> "headers_too_large";
            default -> status >= 500 ? "internal_error" : "bad_request";
        };
        String title = status >= 500 ? "Internal server error" : "Bad request";
        String body = "{\"type\":\"" + Problem.TYPE_BASE + code.replace('_', '-') + "\",\"title\":\"" + title
                + "\",\"status\":" + status + ",\"detail\":\"the request could not be understood\",\"code\":\"" + code + "\"}";
        try {
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // The client is gone; nothing to tell it.
        }
    }
}
