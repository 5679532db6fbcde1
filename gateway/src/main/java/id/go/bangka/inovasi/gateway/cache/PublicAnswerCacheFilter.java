package id.go.bangka.inovasi.gateway.cache;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import id.go.bangka.inovasi.gateway.auth.ApiKeyAuthenticationConverter;
import id.go.bangka.inovasi.gateway.caller.Callers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.reactivestreams.Publisher;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Answers anonymous reads from the gateway's copies of public answers ({@link PublicAnswerCache}), so a popular page,
 * search or dashboard number is computed once per freshness window instead of once per visitor.
 * <p>
 * Only a GET from a caller the security chain left anonymous, with no credentials header, is answered from a copy or
 * gives one. A copy is kept only of a 200 whose service marked it {@code Cache-Control: public} with a {@code max-age}
 * (platform-starter's {@code PublicReadCacheFilter} does so only for anonymous callers on the paths it lists), and
 * nothing {@link CacheableAnswers} refuses. It is served for that {@code max-age} at most (and at most
 * {@code inovasi.gateway.public-cache.max-age}) with its {@code Age}, and answers 304 to a matching
 * {@code If-None-Match}. Reads of an address whose call is under way wait for that call's answer (at most
 * {@code coalesce-wait}), so a copy that expires under load costs the service one call, not one per reader. The rate
 * limit runs first; a copy skips the circuit breaker, the balancer and the call.
 */
public class PublicAnswerCacheFilter implements GlobalFilter, Ordered {

    private final PublicAnswerCache cache;
    private final PublicAnswerCacheProperties properties;
    private final Clock clock;
    private final Counter hits;
    private final Counter misses;
    /** The call to a service under way for a key: reads of that key meanwhile wait for its answer. */
    private final ConcurrentMap<String, Sinks.Empty<Void>> calls = new ConcurrentHashMap<>();

    public PublicAnswerCacheFilter(PublicAnswerCache cache, PublicAnswerCacheProperties properties, Clock clock,
            MeterRegistry meters) {
        this.cache = cache;
        this.properties = properties;
        this.clock = clock;
        this.hits = meters.counter("inovasi.gateway.public.cache", "outcome", "hit");
        this.misses = meters.counter("inovasi.gateway.public.cache", "outcome", "miss");
        meters.gauge("inovasi.gateway.public.cache.entries", cache, PublicAnswerCache::size);
        meters.gauge("inovasi.gateway.public.cache.bytes", cache, PublicAnswerCache::bytes);
    }

    /** After the rate limit, before the route's filters (circuit breaker, retry) and the balancer. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 60;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!properties.enabled() || !anonymousRead(exchange)) {
            return chain.filter(exchange);
        }
        String key = key(exchange);
        if (CacheableAnswers.reload(request.getHeaders())) {
            return call(exchange, chain, key, () -> { });
        }
        Optional<StoredAnswer> copy = cache.fresh(key);
        if (copy.isPresent()) {
            hits.increment();
            return serve(exchange, copy.get());
        }
        Sinks.Empty<Void> mine = Sinks.empty();
        Sinks.Empty<Void> running = calls.putIfAbsent(key, mine);
        if (running == null) {
            Runnable answered = () -> {
                calls.remove(key, mine);
                mine.tryEmitEmpty();
            };
            return call(exchange, chain, key, answered).doFinally(signal -> answered.run());
        }
        return running.asMono().timeout(properties.coalesceWait(), Mono.empty()).then(Mono.defer(() -> cache.fresh(key)
                .map(kept -> {
                    hits.increment();
                    return serve(exchange, kept);
                }).orElseGet(() -> call(exchange, chain, key, () -> { }))));
    }

    /**
     * Calls the service, keeping a copy of its answer when it may be kept; {@code answered} runs once the copy is kept,
     * or as soon as the answer's headers show that none will be (a stream, an error, a private answer).
     */
    private Mono<Void> call(ServerWebExchange exchange, GatewayFilterChain chain, String key, Runnable answered) {
        misses.increment();
        return chain.filter(exchange.mutate().response(new Keeping(exchange.getResponse(), key, answered)).build());
    }

    private static boolean anonymousRead(ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        return HttpMethod.GET.equals(exchange.getRequest().getMethod()) && Callers.of(exchange).isEmpty()
                && !headers.containsHeader(HttpHeaders.AUTHORIZATION)
                && !headers.containsHeader(ApiKeyAuthenticationConverter.API_KEY)
                && !CacheableAnswers.names(CacheableAnswers.tokens(headers.getOrEmpty(HttpHeaders.CACHE_CONTROL)))
                        .contains("no-store");
    }

    /** The route, the address as sent (path and query, still percent-encoded) and the media types accepted. */
    static String key(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        ServerHttpRequest request = exchange.getRequest();
        String query = request.getURI().getRawQuery();
        return (route == null ? "" : route.getId()) + ' ' + request.getURI().getRawPath()
                + (query == null ? "" : "?" + query) + ' '
                + String.join(",", request.getHeaders().getOrEmpty(HttpHeaders.ACCEPT));
    }

    private Mono<Void> serve(ServerWebExchange exchange, StoredAnswer copy) {
        ServerHttpResponse response = exchange.getResponse();
        HttpHeaders headers = response.getHeaders();
        copy.headers().forEach((name, values) -> {
            if (name.equalsIgnoreCase(HttpHeaders.VARY)) {
                headers.set(HttpHeaders.VARY, CacheableAnswers.vary(headers.getOrEmpty(HttpHeaders.VARY), values));
            } else if (!headers.containsHeader(name)) {
                headers.put(name, values);
            }
        });
        headers.set(HttpHeaders.AGE, Long.toString(copy.ageSeconds(clock.instant())));
        if (copy.matches(exchange.getRequest().getHeaders().getFirst(HttpHeaders.IF_NONE_MATCH))) {
            response.setStatusCode(HttpStatus.NOT_MODIFIED);
            headers.remove(HttpHeaders.CONTENT_TYPE);
            return response.setComplete();
        }
        response.setStatusCode(HttpStatus.OK);
        headers.setContentLength(copy.body().length);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(copy.body())));
    }

    /** Passes the service's answer on and keeps a copy of it when it may be kept. */
    private final class Keeping extends ServerHttpResponseDecorator {

        private final String key;
        private final Runnable answered;

        Keeping(ServerHttpResponse delegate, String key, Runnable answered) {
            super(delegate);
            this.key = key;
            this.answered = answered;
        }

        @Override
        public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
            answered.run();
            return super.writeAndFlushWith(body);
        }

        @Override
        public Mono<Void> setComplete() {
            answered.run();
            return super.setComplete();
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            HttpStatus status = getStatusCode() == null ? null : HttpStatus.resolve(getStatusCode().value());
            Optional<Duration> keep = CacheableAnswers.freshness(status, getHeaders(), properties.maxAge());
            if (keep.isEmpty()) {
                answered.run();
                return super.writeWith(body);
            }
            long limit = properties.maxBodySize().toBytes();
            long declared = getHeaders().getContentLength();
            if (declared > limit) {
                answered.run();
                return super.writeWith(body);
            }
            Instant received = clock.instant();
            HttpHeaders headers = CacheableAnswers.serviceHeaders(getHeaders());
            return super.writeWith(Flux.defer(() -> {
                ByteArrayOutputStream copy = new ByteArrayOutputStream();
                boolean[] tooLarge = {false};
                return Flux.from(body).map(buffer -> {
                    int length = buffer.readableByteCount();
                    if (!tooLarge[0] && copy.size() + (long) length <= limit) {
                        byte[] bytes = new byte[length];
                        buffer.toByteBuffer(buffer.readPosition(), ByteBuffer.wrap(bytes), 0, length);
                        copy.writeBytes(bytes);
                    } else {
                        tooLarge[0] = true;
                    }
                    return (DataBuffer) buffer;
                }).doOnComplete(() -> {
                    if (!tooLarge[0] && (declared < 0 || declared == copy.size())) {
                        cache.keep(key, new StoredAnswer(headers, copy.toByteArray(), received,
                                received.plus(keep.get())));
                    }
                }).doFinally(signal -> answered.run());
            }));
        }
    }
}
