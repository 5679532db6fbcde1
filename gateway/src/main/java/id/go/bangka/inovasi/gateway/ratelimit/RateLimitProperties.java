package id.go.bangka.inovasi.gateway.ratelimit;

import id.go.bangka.inovasi.gateway.caller.RateLimit;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rate limits per caller: a token bucket per client (per IP address for anonymous callers). A client's own
 * {@code rate-limit} in the clients file wins over the defaults of its roles; with several roles the most generous
 * applies; a role without a default gets the anonymous limit.
 *
 * @param enabled   whether requests are limited at all
 * @param store     where buckets live: {@code memory} (each gateway replica counts on its own) or {@code redis}
 *                  (shared by all replicas, through {@code spring.data.redis.*})
 * @param anonymous limit per IP address for callers without credentials
 * @param roles     default limit per role
 * @param maxKeys   the in-memory store forgets full (idle) buckets once it tracks more than this many callers
 */
@ConfigurationProperties("inovasi.gateway.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("memory") Store store,
        RateLimit anonymous, @DefaultValue Map<String, RateLimit> roles, @DefaultValue("100000") int maxKeys) {

    /** The default for anonymous callers: 20 requests/s per IP, bursts of 40. */
    public static final RateLimit DEFAULT_ANONYMOUS = new RateLimit(20, 40);

    public RateLimitProperties {
        anonymous = anonymous == null ? DEFAULT_ANONYMOUS : anonymous;
        roles = Map.copyOf(roles);
    }

    /** Where the token buckets live. */
    public enum Store {
        MEMORY, REDIS
    }
}
