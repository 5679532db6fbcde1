package id.go.bangka.inovasi.gateway.ratelimit;

import id.go.bangka.inovasi.gateway.caller.Callers;
import id.go.bangka.inovasi.gateway.problem.ProblemResponder;
import id.go.bangka.inovasi.gateway.request.RequestLogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Limits every routed request by its caller's token bucket. Answers carry the RateLimit headers (draft-ietf-httpapi
 * ratelimit headers: {@code RateLimit-Limit}, {@code RateLimit-Remaining}, {@code RateLimit-Reset}); a refused
 * request gets 429 with {@code Retry-After}. If a shared store fails, requests pass (a limiter outage must not
 * become a platform outage) and the failure is logged.
 */
@Component
public class RateLimitFilter implements GlobalFilter, Ordered {

    public static final String LIMIT = "RateLimit-Limit";
    public static final String REMAINING = "RateLimit-Remaining";
    public static final String RESET = "RateLimit-Reset";

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    private final RateLimitProperties properties;
    private final RateLimitPolicy policy;
    private final RateLimitStore store;
    private final ProblemResponder problems;

    public RateLimitFilter(RateLimitProperties properties, RateLimitPolicy policy, RateLimitStore store,
            ProblemResponder problems) {
        this.properties = properties;
        this.policy = policy;
        this.store = store;
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 50;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!properties.enabled()) {
            return chain.filter(exchange);
        }
        RateLimitPolicy.Bucket bucket = policy.bucketFor(Callers.of(exchange),
                exchange.getRequest().getRemoteAddress());
        return store.consume(bucket.key(), bucket.limit())
                .onErrorResume(e -> {
                    log.warn("Rate limit store failed; the request passes unlimited: {}", e.toString());
                    return Mono.empty();
                })
                .map(decision -> apply(exchange, decision))
                .defaultIfEmpty(true)
                .flatMap(allowed -> allowed ? chain.filter(exchange) : tooManyRequests(exchange, bucket));
    }

    private static boolean apply(ServerWebExchange exchange, RateLimitDecision decision) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.set(LIMIT, Integer.toString(decision.limit()));
        headers.set(REMAINING, Long.toString(decision.remaining()));
        headers.set(RESET, Long.toString(decision.allowed() ? decision.resetSeconds()
                : decision.retryAfterSeconds()));
        if (!decision.allowed()) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
        }
        return decision.allowed();
    }

    private Mono<Void> tooManyRequests(ServerWebExchange exchange, RateLimitPolicy.Bucket bucket) {
        return RequestLogContext.log(() -> log.info("429 {} {} bucket={}", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), bucket.key()))
                .then(Mono.defer(() -> problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                        "The rate limit of " + bucket.limit().requestsPerSecond() + " requests per second (bursts of "
                                + bucket.limit().burst() + ") is used up; retry after the number of seconds in"
                                + " Retry-After.")));
    }
}
