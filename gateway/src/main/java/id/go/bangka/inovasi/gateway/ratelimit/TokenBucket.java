package id.go.bangka.inovasi.gateway.ratelimit;

import id.go.bangka.inovasi.gateway.caller.RateLimit;

/** One caller's token bucket in memory; refilled continuously, capped at the burst. */
final class TokenBucket {

    private double tokens;
    private long updatedNanos;

    TokenBucket(RateLimit limit, long nowNanos) {
        this.tokens = limit.burst();
        this.updatedNanos = nowNanos;
    }

    synchronized RateLimitDecision consume(RateLimit limit, long nowNanos) {
        refill(limit, nowNanos);
        boolean allowed = tokens >= 1;
        if (allowed) {
            tokens -= 1;
        }
        return RateLimitDecision.of(allowed, tokens, limit);
    }

    /** Whether the bucket is full again, so forgetting it changes nothing. */
    synchronized boolean isFull(RateLimit limit, long nowNanos) {
        refill(limit, nowNanos);
        return tokens >= limit.burst();
    }

    private void refill(RateLimit limit, long nowNanos) {
        double elapsedSeconds = Math.max(0, nowNanos - updatedNanos) / 1e9;
        tokens = Math.min(limit.burst(), tokens + elapsedSeconds * limit.requestsPerSecond());
        updatedNanos = nowNanos;
    }
}
