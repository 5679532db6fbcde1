package id.go.bangka.inovasi.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.bangka.inovasi.gateway.caller.Caller;
import id.go.bangka.inovasi.gateway.caller.RateLimit;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RateLimitPolicyTest {

    private final RateLimitPolicy policy = new RateLimitPolicy(new RateLimitProperties(true,
            RateLimitProperties.Store.MEMORY, null, Map.of("portal", new RateLimit(50, 100),
                    "reviewer", new RateLimit(60, 80)), 1000));

    private static Caller caller(Set<String> roles, RateLimit own) {
        return new Caller("client-1", roles, Set.of("DINKES"), own, Caller.AuthenticationMethod.API_KEY);
    }

    @Test
    void anonymousCallersShareABucketPerIpAddressWithTheIssuesDefault() {
        var bucket = policy.bucketFor(Optional.empty(), new InetSocketAddress("203.0.113.7", 51234));
        assertThat(bucket.key()).isEqualTo("ip:203.0.113.7");
        assertThat(bucket.limit()).isEqualTo(new RateLimit(20, 40));
        assertThat(policy.bucketFor(Optional.empty(), new InetSocketAddress("203.0.113.7", 40000)).key())
                .as("the port does not matter").isEqualTo("ip:203.0.113.7");
    }

    @Test
    void aClientHasItsOwnBucketSizedByItsOverrideOrItsMostGenerousRole() {
        assertThat(policy.bucketFor(Optional.of(caller(Set.of("portal"), null)), null))
                .isEqualTo(new RateLimitPolicy.Bucket("client:client-1", new RateLimit(50, 100)));
        assertThat(policy.bucketFor(Optional.of(caller(Set.of("portal", "reviewer"), null)), null).limit())
                .isEqualTo(new RateLimit(60, 80));
        assertThat(policy.bucketFor(Optional.of(caller(Set.of("portal"), new RateLimit(5, 7))), null).limit())
                .isEqualTo(new RateLimit(5, 7));
        assertThat(policy.bucketFor(Optional.of(caller(Set.of("public"), null)), null).limit())
                .as("a role without its own default").isEqualTo(new RateLimit(20, 40));
    }
}
