package com.revolutiontradingpros.api.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.revolutiontradingpros.api.platform.security.Public;
import com.revolutiontradingpros.api.platform.ratelimit.RateLimit;

/**
 * Answers errors raised outside Spring MVC (the servlet container, filters) with a problem document too,
 * in place of Spring Boot's whitelabel page.
 */
@RestController
@Public
@RateLimit.Unlimited
@io.swagger.v3.oas.annotations.Hidden
class ProblemErrorController implements ErrorController {

    private final ProblemWriter problems;

    ProblemErrorController(ProblemWriter problems) {
        this.problems = problems;
    }

    @RequestMapping("/error")
    ResponseEntity<Problem> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof org.apache.tomcat.util.http.InvalidParameterException) {
            code = 400;
        }
        var status = HttpStatus.resolve(code instanceof Integer value ? value : 500);
        if (status == null || status.is2xxSuccessful()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        var failure = switch (status) {
            case NOT_FOUND -> new ApiException(status, "not_found", "Not found", "no resource at this path");
            case BAD_REQUEST -> ApiException.badRequest("bad_request", "the request could not be understood");
            case CONTENT_TOO_LARGE -> new ApiException(status, "payload_too_large", "Payload too large",
                    "the request body is too large");
            case INTERNAL_SERVER_ERROR -> new ApiException(status, "internal_error", "Internal server error",
                    "something went wrong on our side; it has been logged");
            default -> new ApiException(status, status.name().toLowerCase(), status.getReasonPhrase(), null);
        };
        return problems.entity(failure, request);
    }
}
