package com.revolutiontradingpros.api.platform.idempotency;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.revolutiontradingpros.api.platform.web.ApiException;
import com.revolutiontradingpros.api.platform.web.BodyTooLargeException;
import com.revolutiontradingpros.api.platform.web.ProblemWriter;

/**
 * Makes any POST, PUT, PATCH or DELETE that carries an {@code Idempotency-Key} safe to retry: the first
 * outcome is stored and replayed to repeats of the same request for 24 hours; the same key with another
 * request is a 422, and a repeat that arrives while the first is still running gets a 409.
 *
 * <p>Like Stripe, only outcomes of requests that were actually carried out are stored (2xx and the
 * business refusals 402, 404, 409, 410); validation and auth failures leave the key free to use again.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<Integer> STORED_REFUSALS = Set.of(402, 404, 409, 410);
    private static final Set<String> REPLAYED_HEADERS = Set.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.LOCATION,
            HttpHeaders.ETAG, HttpHeaders.CACHE_CONTROL, HttpHeaders.RETRY_AFTER);
    private static final Duration RETENTION = Duration.ofHours(24);
    /** A key held longer than this belongs to a request whose node died; it may be taken over. */
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(5);

    private final IdempotencyKeys keys;
    private final ProblemWriter problems;
    private final Clock clock;

    public IdempotencyFilter(IdempotencyKeys keys, ProblemWriter problems, Clock clock) {
        this.keys = keys;
        this.problems = problems;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null || !METHODS.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            problems.write(ApiException.invalid(HEADER, "must be 1 to 255 visible ASCII characters"), request, response);
            return;
        }
        boolean multipart = request.getContentType() != null
                && request.getContentType().toLowerCase().startsWith("multipart/");
        byte[] body;
        try {
            body = multipart ? new byte[0] : request.getInputStream().readAllBytes();
        } catch (BodyTooLargeException e) {
            problems.write(e.asProblem(), request, response);
            return;
        }
        String scope = scopeOf(request);
        String path = request.getRequestURI();
        byte[] hash = hash(request, body, multipart);

        for (int attempt = 0; attempt < 3; attempt++) {
            Instant now = Instant.now(clock);
            if (keys.claim(scope, key, request.getMethod(), path, hash, now.plus(RETENTION))) {
                execute(multipart ? request : new BufferedRequest(request, body), response, chain, scope, key);
                return;
            }
            var stored = keys.find(scope, key).orElse(null);
            if (stored == null) {
                continue;
            }
            if (stored.expiresAt().isBefore(now)
                    || (stored.inProgress() && stored.createdAt().plus(ABANDONED_AFTER).isBefore(now))) {
                keys.release(scope, key);
                continue;
            }
            if (!Arrays.equals(stored.requestHash(), hash)) {
                problems.write(new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency_key_reused",
                        "Idempotency key reused", "this Idempotency-Key was used with a different request"),
                        request, response);
                return;
            }
            if (stored.inProgress()) {
                var headers = new HttpHeaders();
                headers.set(HttpHeaders.RETRY_AFTER, "1");
                problems.write(new ApiException(HttpStatus.CONFLICT, "idempotency_key_in_progress",
                        "Request in progress", "a request with this Idempotency-Key is still being handled", null,
                        headers), request, response);
                return;
            }
            replay(stored, response);
            return;
        }
        problems.write(ApiException.unavailable("the idempotency record could not be claimed; retry"), request, response);
    }

    private void execute(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String scope,
            String key) throws IOException, ServletException {
        var recorder = new ContentCachingResponseWrapper(response);
        boolean stored = false;
        try {
            chain.doFilter(request, recorder);
            int status = recorder.getStatus();
            if ((status >= 200 && status < 300) || STORED_REFUSALS.contains(status)) {
                keys.complete(scope, key, status, replayableHeaders(recorder), recorder.getContentAsByteArray());
                stored = true;
            }
        } finally {
            if (!stored) {
                keys.release(scope, key);
            }
            recorder.copyBodyToResponse();
        }
    }

    private static void replay(StoredResponse stored, HttpServletResponse response) throws IOException {
        response.setStatus(stored.status());
        stored.headers().forEach(response::setHeader);
        response.setHeader(REPLAYED_HEADER, "true");
        response.setContentLength(stored.body().length);
        response.getOutputStream().write(stored.body());
    }

    private static Map<String, String> replayableHeaders(HttpServletResponse response) {
        var headers = new LinkedHashMap<String, String>();
        for (String name : REPLAYED_HEADERS) {
            String value = response.getHeader(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        if (response.getContentType() != null) {
            headers.put(HttpHeaders.CONTENT_TYPE, response.getContentType());
        }
        return headers;
    }

    /** Keys belong to the credential that sent them (or the address, for anonymous calls). */
    private static String scopeOf(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            return "auth:" + HexFormat.of().formatHex(sha256(authorization.getBytes(StandardCharsets.UTF_8)));
        }
        return "ip:" + request.getRemoteAddr();
    }

    private static byte[] hash(HttpServletRequest request, byte[] body, boolean multipart) {
        var digest = digest();
        digest.update((request.getMethod() + '\n' + request.getRequestURI() + '\n'
                + (request.getQueryString() == null ? "" : request.getQueryString()) + '\n').getBytes(StandardCharsets.UTF_8));
        if (multipart) {
            digest.update(Long.toString(request.getContentLengthLong()).getBytes(StandardCharsets.UTF_8));
        } else {
            digest.update(body);
        }
        return digest.digest();
    }

    private static byte[] sha256(byte[] input) {
        return digest().digest(input);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Hands the already-read body to the handler. */
    private static final class BufferedRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already buffered");
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
