package id.go.bangka.inovasi.gateway.stream;

import id.go.bangka.inovasi.gateway.problem.ProblemResponder;
import id.go.bangka.inovasi.gateway.request.RequestLogContext;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The route filter {@code StreamLimit}: at most {@code per-address} open streams per client address (429 with
 * Retry-After beyond), and each stream closed after {@code max-lifetime}. A stream's place is freed however it ends:
 * completed, cut by the lifetime, or dropped by the client. The request rate limit counts requests, not open
 * connections; this counts the connections. Behind a reverse proxy, the client address is the proxy's unless
 * {@code server.forward-headers-strategy=native} is set (and the proxy sets {@code X-Forwarded-For}).
 */
@Component
public class StreamLimitGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

    private static final Logger log = LoggerFactory.getLogger(StreamLimitGatewayFilterFactory.class);

    private final StreamProperties properties;
    private final ProblemResponder problems;
    private final ConcurrentMap<InetAddress, Integer> open = new ConcurrentHashMap<>();

    public StreamLimitGatewayFilterFactory(StreamProperties properties, ProblemResponder problems) {
        this.properties = properties;
        this.problems = problems;
    }

    /**
     * Ordered before the filter that writes the service's answer to the client ({@link NettyWriteResponseFilter}), so
     * that what it wraps lasts as long as the stream itself, not only until the service's headers came.
     */
    @Override
    public GatewayFilter apply(Object config) {
        return new OrderedGatewayFilter(this::filter, NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1);
    }

    /** Streams open now from this address. */
    int open(InetAddress address) {
        return open.getOrDefault(address, 0);
    }

    private Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        InetAddress address = remote == null ? InetAddress.getLoopbackAddress() : remote.getAddress();
        if (!take(address)) {
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER,
                    Long.toString(Math.max(1, properties.retryAfter().toSeconds())));
            return RequestLogContext.log(() -> log.info("429 stream refused: {} already holds {} streams",
                            address.getHostAddress(), properties.perAddress()))
                    .then(Mono.defer(() -> problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS,
                            "Too many open streams", "This address already holds " + properties.perAddress()
                                    + " open dashboard streams; close one or retry after the number of seconds in"
                                    + " Retry-After.")));
        }
        AtomicBoolean released = new AtomicBoolean();
        return chain.filter(exchange)
                .timeout(properties.maxLifetime(), Mono.empty())
                .doFinally(signal -> {
                    if (released.compareAndSet(false, true)) {
                        release(address);
                    }
                });
    }

    private boolean take(InetAddress address) {
        boolean[] taken = {false};
        open.compute(address, (key, count) -> {
            int now = count == null ? 0 : count;
            if (now >= properties.perAddress()) {
                return now;
            }
            taken[0] = true;
            return now + 1;
        });
        return taken[0];
    }

    private void release(InetAddress address) {
        open.computeIfPresent(address, (key, count) -> count <= 1 ? null : count - 1);
    }
}
