package id.go.bangka.inovasi.platform.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * JSON request bodies must be well-formed UTF-8: the body is checked while it is read, and a malformed byte ends the
 * read with {@link InvalidUtf8Exception}, which the problem handler answers with 400 like any unreadable body.
 */
public class Utf8BodyFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        boolean json = contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json");
        chain.doFilter(json ? new CheckedRequest(request) : request, response);
    }

    /** The body is not well-formed UTF-8. */
    public static class InvalidUtf8Exception extends IOException {

        InvalidUtf8Exception(long offset) {
            super("The request body is not valid UTF-8 (at byte " + offset + ").");
        }
    }

    private static final class CheckedRequest extends HttpServletRequestWrapper {

        private ServletInputStream stream;

        CheckedRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CheckedStream(super.getInputStream());
            }
            return stream;
        }
    }

    private static final class CheckedStream extends InspectingInputStream {

        private final Utf8Validator utf8 = new Utf8Validator();
        private long offset;

        CheckedStream(ServletInputStream delegate) {
            super(delegate);
        }

        @Override
        void inspect(byte[] buffer, int from, int length) throws InvalidUtf8Exception {
            for (int i = from; i < from + length; i++) {
                if (!utf8.accept(buffer[i] & 0xFF)) {
                    throw new InvalidUtf8Exception(offset);
                }
                offset++;
            }
        }

        @Override
        void end() throws InvalidUtf8Exception {
            if (!utf8.complete()) {
                throw new InvalidUtf8Exception(offset);
            }
        }
    }
}
