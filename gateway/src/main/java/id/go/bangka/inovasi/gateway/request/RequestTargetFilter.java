package id.go.bangka.inovasi.gateway.request;

import id.go.bangka.inovasi.gateway.problem.ProblemResponder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses request targets no service could read, with problems instead of the server's bare error pages: a path and
 * query longer than {@link #MAX_TARGET_LENGTH} characters (414), and a path that is not percent-encoded UTF-8 (400).
 * The HTTP server's own line limit is set higher (server.netty.max-initial-line-length) so these reach this filter.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class RequestTargetFilter implements WebFilter {

    /** Below the services' request header limit (8 KiB, request line included) with the forwarded headers. */
    static final int MAX_TARGET_LENGTH = 4096;

    private final ProblemResponder problems;

    public RequestTargetFilter(ProblemResponder problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getURI().getRawPath();
        String query = exchange.getRequest().getURI().getRawQuery();
        int length = (path == null ? 0 : path.length()) + (query == null ? 0 : query.length() + 1);
        if (length > MAX_TARGET_LENGTH) {
            return problems.write(exchange, HttpStatus.URI_TOO_LONG, "URI too long",
                    "The path and query string may be at most " + MAX_TARGET_LENGTH + " characters; this one has "
                            + length + ".");
        }
        if (path != null && !isPercentEncodedUtf8(path)) {
            return problems.write(exchange, HttpStatus.BAD_REQUEST, "Bad request",
                    "The path is not valid percent-encoded UTF-8.");
        }
        return chain.filter(exchange);
    }

    /** Whether every {@code %XX} escape is complete and the bytes they spell, with the rest, are valid UTF-8. */
    static boolean isPercentEncodedUtf8(String rawPath) {
        ByteBuffer bytes = ByteBuffer.allocate(rawPath.length());
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%') {
                if (i + 2 >= rawPath.length() || !HexFormat.isHexDigit(rawPath.charAt(i + 1))
                        || !HexFormat.isHexDigit(rawPath.charAt(i + 2))) {
                    return false;
                }
                bytes.put((byte) HexFormat.fromHexDigits(rawPath, i + 1, i + 3));
                i += 2;
            } else if (c > 0x7F) {
                return false;
            } else {
                bytes.put((byte) c);
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes.flip());
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
