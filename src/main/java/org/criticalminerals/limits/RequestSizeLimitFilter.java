package org.criticalminerals.limits;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.criticalminerals.api.ErrorCode;
import org.criticalminerals.api.HttpErrorBodies;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over {@code cmg.limits.max-request-size}: at once when the declared length is
 * larger, and while reading when a chunked body grows past it.
 */
final class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;

    private final HttpErrorBodies errors;

    RequestSizeLimitFilter(long maxBytes, HttpErrorBodies errors) {
        this.maxBytes = maxBytes;
        this.errors = errors;
    }

    /** Paths with their own limit (streamed imports). */
    private static final java.util.Set<String> OWN_LIMIT = java.util.Set.of("/import");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return OWN_LIMIT.contains(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            refuse(request, response, errors, maxBytes);
            return;
        }
        chain.doFilter(new LimitedRequest(request, maxBytes), response);
    }

    static void refuse(HttpServletRequest request, HttpServletResponse response, HttpErrorBodies errors, long maxBytes)
            throws IOException {
        // the rest of the body is not read; the connection closes after this answer
        response.setHeader("Connection", "close");
        errors.write(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                ErrorCode.REQUEST_TOO_LARGE, "The request body is larger than the limit of " + maxBytes + " bytes.");
    }

    /** Thrown while reading a body that grows past the limit. */
    static final class TooLargeException extends IOException {

        TooLargeException(long maxBytes) {
            super("request body larger than " + maxBytes + " bytes");
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long maxBytes;

        private ServletInputStream limited;

        LimitedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                ServletInputStream in = super.getInputStream();
                limited = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0 && ++read > maxBytes) {
                            throw new TooLargeException(maxBytes);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0 && (read += n) > maxBytes) {
                            throw new TooLargeException(maxBytes);
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return limited;
        }
    }
}
