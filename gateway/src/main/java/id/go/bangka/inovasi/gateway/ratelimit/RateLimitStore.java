package id.go.bangka.inovasi.gateway.ratelimit;

import id.go.bangka.inovasi.gateway.caller.RateLimit;
import reactor.core.publisher.Mono;

/** Where token buckets live: in this gateway's memory or shared by every replica. */
public interface RateLimitStore {

    /** Takes one token from the bucket of {@code key}, creating it full when new. */
    Mono<RateLimitDecision> consume(String key, RateLimit limit);
}
