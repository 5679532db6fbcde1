package id.go.bangka.inovasi.gateway.ratelimit;

import id.go.bangka.inovasi.gateway.caller.RateLimit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * Token buckets in Redis, shared by every gateway replica: one atomic script per request takes the token, with the
 * time taken from Redis itself. A bucket expires once it would be full again.
 */
public final class RedisRateLimitStore implements RateLimitStore {

    /** Prefix of the bucket keys in Redis. */
    public static final String KEY_PREFIX = "inovasi:ratelimit:";

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final RedisScript<List<Long>> SCRIPT =
            (RedisScript) RedisScript.of(new ClassPathResource("ratelimit/token-bucket.lua"), List.class);

    private final ReactiveStringRedisTemplate redis;

    public RedisRateLimitStore(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public Mono<RateLimitDecision> consume(String key, RateLimit limit) {
        return redis.execute(SCRIPT, List.of(KEY_PREFIX + key),
                        List.of(Integer.toString(limit.requestsPerSecond()), Integer.toString(limit.burst())))
                .reduce(new ArrayList<Long>(), (all, part) -> {
                    all.addAll(part);
                    return all;
                })
                .map(reply -> RateLimitDecision.of(reply.get(0) == 1L, reply.get(1) / 1000.0, limit));
    }
}
