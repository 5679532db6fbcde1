package id.go.bangka.inovasi.gateway.ratelimit;

import id.go.bangka.inovasi.gateway.caller.Caller;
import id.go.bangka.inovasi.gateway.caller.RateLimit;
import java.net.InetSocketAddress;
import java.util.Comparator;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Which bucket a request draws from, and how large that bucket is. */
@Component
public class RateLimitPolicy {

    /**
     * A bucket.
     *
     * @param key   {@code client:<id>} for authenticated callers, {@code ip:<address>} for anonymous ones
     * @param limit its size and refill rate
     */
    public record Bucket(String key, RateLimit limit) {
    }

    private final RateLimitProperties properties;

    public RateLimitPolicy(RateLimitProperties properties) {
        this.properties = properties;
    }

    /** The bucket of an authenticated caller, or of the remote address when there is none. */
    public Bucket bucketFor(Optional<Caller> caller, InetSocketAddress remoteAddress) {
        return caller.map(c -> new Bucket("client:" + c.clientId(), limitOf(c)))
                .orElseGet(() -> new Bucket("ip:" + address(remoteAddress), properties.anonymous()));
    }

    private RateLimit limitOf(Caller caller) {
        if (caller.rateLimit() != null) {
            return caller.rateLimit();
        }
        return caller.roles().stream()
                .map(role -> properties.roles().getOrDefault(role, properties.anonymous()))
                .max(Comparator.comparingInt(RateLimit::requestsPerSecond).thenComparingInt(RateLimit::burst))
                .orElse(properties.anonymous());
    }

    private static String address(InetSocketAddress remoteAddress) {
        if (remoteAddress == null) {
            return "unknown";
        }
        return remoteAddress.getAddress() == null ? remoteAddress.getHostString()
                : remoteAddress.getAddress().getHostAddress();
    }
}
