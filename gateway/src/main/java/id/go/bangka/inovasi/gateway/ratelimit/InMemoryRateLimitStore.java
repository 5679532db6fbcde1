package id.go.bangka.inovasi.gateway.ratelimit;

import id.go.bangka.inovasi.gateway.caller.RateLimit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import reactor.core.publisher.Mono;

/**
 * Token buckets in this gateway's memory: exact for one replica; with N replicas behind a load balancer each counts
 * on its own, so a caller may get up to N times its limit. Full buckets are forgotten once more than
 * {@code maxKeys} callers are tracked (a full bucket is what a new caller gets anyway).
 */
public final class InMemoryRateLimitStore implements RateLimitStore {

    private record Entry(TokenBucket bucket, RateLimit limit) {
    }

    private static final long SWEEP_INTERVAL_NANOS = 1_000_000_000L;

    private final Map<String, Entry> buckets = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep = new AtomicLong();
    private final int maxKeys;
    private final LongSupplier nanoClock;

    public InMemoryRateLimitStore(int maxKeys, LongSupplier nanoClock) {
        this.maxKeys = maxKeys;
        this.nanoClock = nanoClock;
        this.lastSweep.set(nanoClock.getAsLong() - SWEEP_INTERVAL_NANOS);
    }

    @Override
    public Mono<RateLimitDecision> consume(String key, RateLimit limit) {
        long now = nanoClock.getAsLong();
        long previousSweep = lastSweep.get();
        if (buckets.size() > maxKeys && now - previousSweep >= SWEEP_INTERVAL_NANOS
                && lastSweep.compareAndSet(previousSweep, now)) {
            buckets.entrySet().removeIf(e -> e.getValue().bucket().isFull(e.getValue().limit(), now));
        }
        Entry entry = buckets.compute(key, (k, existing) -> existing != null && existing.limit().equals(limit)
                ? existing : new Entry(existing == null ? new TokenBucket(limit, now) : existing.bucket(), limit));
        return Mono.just(entry.bucket().consume(limit, now));
    }

    /** How many callers are tracked. */
    int size() {
        return buckets.size();
    }
}
