package id.go.bangka.inovasi.gateway.ratelimit;

import id.go.bangka.inovasi.gateway.caller.RateLimit;

/**
 * The outcome of taking one token from a bucket.
 *
 * @param allowed           whether the request may pass
 * @param limit             the bucket's capacity (its burst)
 * @param remaining         whole tokens left
 * @param resetSeconds      seconds until the bucket is full again
 * @param retryAfterSeconds seconds until the next token, when refused (0 when allowed)
 */
public record RateLimitDecision(boolean allowed, int limit, long remaining, long resetSeconds,
        long retryAfterSeconds) {

    /** The decision for a bucket left with {@code tokens} after the attempt. */
    public static RateLimitDecision of(boolean allowed, double tokens, RateLimit limit) {
        double rate = limit.requestsPerSecond();
        long reset = (long) Math.ceil(Math.max(0, limit.burst() - tokens) / rate);
        long retryAfter = allowed ? 0 : Math.max(1, (long) Math.ceil((1 - tokens) / rate));
        return new RateLimitDecision(allowed, limit.burst(), (long) Math.floor(tokens), reset, retryAfter);
    }
}
