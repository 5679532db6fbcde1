package id.go.bangka.inovasi.gateway.cache;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import id.go.bangka.inovasi.gateway.auth.ApiKeyAuthenticationConverter;
import id.go.bangka.inovasi.gateway.caller.Callers;
import id.go.bangka.inovasi.gateway.ratelimit.RateLimitFilter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

/**
 * Answers anonymous reads from the gateway's copies of public answers ({@link PublicAnswerCache}), so a popular page,
 * search or dashboard number is computed once per freshness window instead of once per visitor.
 * <p>
 * Only a GET from a caller the security chain left anonymous, with no credentials header, is answered from a copy or
 * gives one. A copy is kept only of a 200 whose service marked it {@code Cache-Control: public} with a {@code max-age}
 * (platform-starter's {@code PublicReadCacheFilter} does so only for anonymous callers on the paths it lists), with no
 * {@code private}, {@code no-store} or {@code no-cache}, no cookie, no content coding and no {@code Vary} beyond the
 * credentials, {@code Accept} and CORS headers. It is served for that {@code max-age} at most (and at most
 * {@code inovasi.gateway.public-cache.max-age}) with its {@code Age}, and answers 304 to a matching
 * {@code If-None-Match}. The rate limit runs first; a copy skips the circuit breaker, the balancer and the call.
 */
public class PublicAnswerCacheFilter implements GlobalFilter, Ordered {

    /** Headers of one exchange, never kept with a copy: the gateway sets its own for each answer. */
    static final Set<String> EXCHANGE_HEADERS = Set.of("x-request-id", "date", "content-length", "transfer-encoding",
            "connection", "keep-alive", "set-cookie", "age", "traceparent", "tracestate",
            RateLimitFilter.LIMIT.toLowerCase(Locale.ROOT), RateLimitFilter.REMAINING.toLowerCase(Locale.ROOT),
            RateLimitFilter.RESET.toLowerCase(Locale.ROOT), "access-control-allow-origin",
            "access-control-allow-credentials", "access-control-expose-headers");

    /** The request headers an answer kept here may vary on: the key holds Accept; the rest are equal for every read. */
    static final Set<String> VARY_ALLOWED = Set.of("authorization", "x-api-key", "accept", "accept-encoding",
            "origin", "access-control-request-method", "access-control-request-headers");

    private final PublicAnswerCache cache;
    private final PublicAnswerCacheProperties properties;
    private final Clock clock;
    private final Counter hits;
    private final Counter misses;

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
        if (!reload(request.getHeaders())) {
            Optional<StoredAnswer> copy = cache.fresh(key);
            if (copy.isPresent()) {
                hits.increment();
                return serve(exchange, copy.get());
            }
        }
        misses.increment();
        return chain.filter(exchange.mutate().response(new Keeping(exchange.getResponse(), key)).build());
    }

    private static boolean anonymousRead(ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        return HttpMethod.GET.equals(exchange.getRequest().getMethod()) && Callers.of(exchange).isEmpty()
                && !headers.containsHeader(HttpHeaders.AUTHORIZATION)
                && !headers.containsHeader(ApiKeyAuthenticationConverter.API_KEY)
                && !names(headers.getOrEmpty(HttpHeaders.CACHE_CONTROL)).contains("no-store");
    }

    /** A reload asks the service again (and renews the copy): {@code no-cache}, {@code max-age=0}, or the old Pragma. */
    private static boolean reload(HttpHeaders request) {
        Set<String> directives = tokens(request.getOrEmpty(HttpHeaders.CACHE_CONTROL));
        return directives.contains("no-cache") || directives.contains("max-age=0")
                || tokens(request.getOrEmpty(HttpHeaders.PRAGMA)).contains("no-cache");
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
                headers.set(HttpHeaders.VARY, vary(headers.getOrEmpty(HttpHeaders.VARY), values));
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

    /** How long an answer with these headers may be kept, or empty when it must not be. */
    Optional<Duration> keepable(HttpStatus status, HttpHeaders headers) {
        if (status != HttpStatus.OK || headers.containsHeader(HttpHeaders.SET_COOKIE)) {
            return Optional.empty();
        }
        String coding = headers.getFirst(HttpHeaders.CONTENT_ENCODING);
        if (coding != null && !coding.equalsIgnoreCase("identity")) {
            return Optional.empty();
        }
        Set<String> vary = tokens(headers.getOrEmpty(HttpHeaders.VARY));
        if (!VARY_ALLOWED.containsAll(vary)) {
            return Optional.empty();
        }
        Set<String> directives = tokens(headers.getOrEmpty(HttpHeaders.CACHE_CONTROL));
        Set<String> names = names(headers.getOrEmpty(HttpHeaders.CACHE_CONTROL));
        if (!names.contains("public") || names.contains("private") || names.contains("no-store")
                || names.contains("no-cache")) {
            return Optional.empty();
        }
        Optional<Duration> maxAge = seconds(directives, names.contains("s-maxage") ? "s-maxage=" : "max-age=");
        return maxAge.filter(age -> !age.isZero() && !age.isNegative())
                .map(age -> age.compareTo(properties.maxAge()) < 0 ? age : properties.maxAge());
    }

    /** The value of the directive with this prefix in seconds; empty when absent or not a number (never kept). */
    private static Optional<Duration> seconds(Set<String> directives, String prefix) {
        for (String directive : directives) {
            if (directive.startsWith(prefix)) {
                try {
                    return Optional.of(Duration.ofSeconds(Long.parseLong(directive.substring(prefix.length())
                            .replace("\"", ""))));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** The directive names of a Cache-Control (without their values, such as {@code private="Set-Cookie"}). */
    private static Set<String> names(List<String> values) {
        Set<String> names = new LinkedHashSet<>();
        tokens(values).forEach(token -> names.add(token.contains("=") ? token.substring(0, token.indexOf('='))
                : token));
        return names;
    }

    /** The header names of both Vary values, each once (compared without case), in a single value. */
    static String vary(List<String> exchange, List<String> copy) {
        Map<String, String> names = new LinkedHashMap<>();
        for (List<String> values : List.of(exchange, copy)) {
            for (String value : values) {
                for (String name : value.split(",")) {
                    if (!name.isBlank()) {
                        names.putIfAbsent(name.strip().toLowerCase(Locale.ROOT), name.strip());
                    }
                }
            }
        }
        return String.join(", ", names.values());
    }

    /** The comma-separated tokens of a header's values (Cache-Control directives, Vary names): lower case, no spaces. */
    static Set<String> tokens(List<String> values) {
        Set<String> tokens = new LinkedHashSet<>();
        for (String value : values) {
            for (String token : value.split(",")) {
                String trimmed = token.strip().toLowerCase(Locale.ROOT).replace(" ", "");
                if (!trimmed.isEmpty()) {
                    tokens.add(trimmed);
                }
            }
        }
        return tokens;
    }

    /** The service's headers of an answer, without those of the exchange, read-only. */
    private static HttpHeaders serviceHeaders(HttpHeaders answer) {
        HttpHeaders kept = new HttpHeaders();
        answer.forEach((name, values) -> {
            if (!EXCHANGE_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                kept.put(name, List.copyOf(values));
            }
        });
        return HttpHeaders.readOnlyHttpHeaders(kept);
    }

    /** Passes the service's answer on and keeps a copy of it when it may be kept. */
    private final class Keeping extends ServerHttpResponseDecorator {

        private final String key;

        Keeping(ServerHttpResponse delegate, String key) {
            super(delegate);
            this.key = key;
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            HttpStatus status = getStatusCode() == null ? null : HttpStatus.resolve(getStatusCode().value());
            Optional<Duration> keep = keepable(status, getHeaders());
            if (keep.isEmpty()) {
                return super.writeWith(body);
            }
            long limit = properties.maxBodySize().toBytes();
            long declared = getHeaders().getContentLength();
            if (declared > limit) {
                return super.writeWith(body);
            }
            Instant received = clock.instant();
            HttpHeaders headers = serviceHeaders(getHeaders());
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
                });
            }));
        }
    }
}
