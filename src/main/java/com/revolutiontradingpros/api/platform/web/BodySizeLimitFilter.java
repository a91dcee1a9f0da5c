package com.revolutiontradingpros.api.platform.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses bodies over the configured limit with 413: at once when Content-Length says so, else while
 * reading a chunked body. Upload routes (media, imports) are given their own, larger limit in configuration.
 */
public class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long defaultLimit;
    private final long uploadLimit;
    private final List<String> uploadPaths;
    private final ProblemWriter problems;
    private final AntPathMatcher matcher = new AntPathMatcher();

    public BodySizeLimitFilter(HttpProperties properties, ProblemWriter problems) {
        this.defaultLimit = properties.maxBodySize().toBytes();
        this.uploadLimit = properties.maxUploadSize().toBytes();
        this.uploadPaths = properties.uploadPaths();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitFor(request.getRequestURI());
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            // Tomcat would otherwise drain the body; closing tells the client not to keep sending.
            response.setHeader("Connection", "close");
            problems.write(new BodyTooLargeException(limit).asProblem(), request, response);
            return;
        }
        if (declared < 0 && hasBody(request)) {
            chain.doFilter(new LimitedRequest(request, limit), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private long limitFor(String path) {
        for (String pattern : uploadPaths) {
            if (matcher.match(pattern, path)) {
                return uploadLimit;
            }
        }
        return defaultLimit;
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getHeader("Transfer-Encoding") != null;
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class LimitedStream extends ServletInputStream {
        private final ServletInputStream delegate;
        private final long limit;
        private long read;

        LimitedStream(ServletInputStream delegate, long limit) {
            this.delegate = delegate;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > limit) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
