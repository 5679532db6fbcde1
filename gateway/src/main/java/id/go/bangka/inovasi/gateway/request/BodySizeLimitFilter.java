package id.go.bangka.inovasi.gateway.request;

import id.go.bangka.inovasi.gateway.problem.ProblemResponder;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies over the limit (a larger one for file uploads) with a 413 problem: at once when
 * {@code Content-Length} says so, otherwise (chunked bodies) as soon as the streamed body passes the limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class BodySizeLimitFilter implements WebFilter {

    private final long maxBodyBytes;
    private final long maxUploadBytes;
    private final List<PathPattern> uploadPaths;
    private final ProblemResponder problems;

    public BodySizeLimitFilter(RequestProperties properties, ProblemResponder problems) {
        this.maxBodyBytes = properties.maxBodySize().toBytes();
        this.maxUploadBytes = properties.maxUploadSize().toBytes();
        this.uploadPaths = properties.uploadPaths().stream().map(PathPatternParser.defaultInstance::parse).toList();
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long limit = limitFor(exchange.getRequest().getPath().pathWithinApplication());
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > limit) {
            return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "Content too large",
                    new PayloadTooLargeException(limit).getReason());
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        ServerHttpRequest limited = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong seen = new AtomicLong();
                return super.getBody().handle((buffer, sink) -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > limit) {
                        DataBufferUtils.release(buffer);
                        sink.error(new PayloadTooLargeException(limit));
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(limited).build());
    }

    private long limitFor(PathContainer path) {
        return uploadPaths.stream().anyMatch(pattern -> pattern.matches(path)) ? maxUploadBytes : maxBodyBytes;
    }
}
