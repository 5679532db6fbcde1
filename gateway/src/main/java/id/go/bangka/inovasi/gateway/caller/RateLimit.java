package id.go.bangka.inovasi.gateway.caller;

/**
 * A token bucket: refilled at {@code requestsPerSecond}, holding at most {@code burst} requests.
 *
 * @param requestsPerSecond sustained rate
 * @param burst             bucket capacity: how many requests may arrive at once
 */
public record RateLimit(int requestsPerSecond, int burst) {

    public RateLimit {
        if (requestsPerSecond < 1 || burst < 1) {
            throw new IllegalArgumentException("a rate limit needs requests-per-second and burst of at least 1");
        }
    }
}
