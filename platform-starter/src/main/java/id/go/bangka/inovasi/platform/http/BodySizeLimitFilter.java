package id.go.bangka.inovasi.platform.http;

import id.go.bangka.inovasi.platform.problem.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over the configured size (a larger one for multipart uploads) with 413: at once when Content-Length says so, and while reading
 * when a chunked body grows past it ({@link BodyTooLargeException}, answered 413 by the problem handler).
 */
public class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long maxBodyBytes;
    private final long maxUploadBytes;
    private final ProblemWriter problems;

    public BodySizeLimitFilter(long maxBodyBytes, long maxUploadBytes, ProblemWriter problems) {
        this.maxBodyBytes = maxBodyBytes;
        this.maxUploadBytes = maxUploadBytes;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        boolean upload = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
        long maxBytes = upload ? maxUploadBytes : maxBodyBytes;
        if (request.getContentLengthLong() > maxBytes) {
            problems.write(response, HttpStatus.CONTENT_TOO_LARGE, "Content too large",
                    "The request body may be at most " + maxBytes + " bytes.", request.getRequestURI());
            return;
        }
        chain.doFilter(new LimitedRequest(request, maxBytes), response);
    }

    /** A body grew past the limit while being read. */
    public static class BodyTooLargeException extends IOException {

        public BodyTooLargeException(long maxBytes) {
            super("The request body may be at most " + maxBytes + " bytes.");
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), maxBytes);
            }
            return stream;
        }
    }

    private static final class CountingStream extends InspectingInputStream {

        private final long maxBytes;
        private long read;

        CountingStream(ServletInputStream delegate, long maxBytes) {
            super(delegate);
            this.maxBytes = maxBytes;
        }

        @Override
        void inspect(byte[] buffer, int offset, int length) throws BodyTooLargeException {
            read += length;
            if (read > maxBytes) {
                throw new BodyTooLargeException(maxBytes);
            }
        }
    }
}
