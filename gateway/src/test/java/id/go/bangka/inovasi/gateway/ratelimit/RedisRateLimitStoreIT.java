package id.go.bangka.inovasi.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.bangka.inovasi.gateway.caller.RateLimit;
import id.go.bangka.inovasi.gateway.support.FreePort;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import redis.embedded.RedisServer;

/**
 * The shared store against a real redis-server: two gateway replicas (two stores) draw from one bucket, and the
 * bucket refills with Redis's own clock.
 */
class RedisRateLimitStoreIT {

    private static RedisServer redis;
    private static LettuceConnectionFactory connections;
    private static ReactiveStringRedisTemplate template;

    @BeforeAll
    static void startRedis() throws IOException {
        int port = FreePort.pick();
        redis = RedisServer.newRedisServer().port(port).setting("bind 127.0.0.1").setting("save \"\"").build();
        redis.start();
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port));
        connections.afterPropertiesSet();
        connections.start();
        template = new ReactiveStringRedisTemplate(connections);
    }

    @AfterAll
    static void stopRedis() throws IOException {
        connections.destroy();
        redis.stop();
    }

    @Test
    void replicasShareOneBucketThatRefills() throws InterruptedException {
        RateLimitStore replicaA = new RedisRateLimitStore(template);
        RateLimitStore replicaB = new RedisRateLimitStore(template);
        RateLimit limit = new RateLimit(2, 3);

        assertThat(replicaA.consume("client:shared", limit).block().remaining()).isEqualTo(2);
        assertThat(replicaB.consume("client:shared", limit).block().remaining()).isEqualTo(1);
        assertThat(replicaA.consume("client:shared", limit).block().allowed()).isTrue();
        RateLimitDecision refused = replicaB.consume("client:shared", limit).block();
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
        assertThat(replicaA.consume("client:other", limit).block().allowed()).isTrue();

        Thread.sleep(600);
        assertThat(replicaB.consume("client:shared", limit).block().allowed()).as("2/s: one token after 0.5 s")
                .isTrue();
        assertThat(template.getExpire(RedisRateLimitStore.KEY_PREFIX + "client:shared").block())
                .as("buckets expire once they would be full").isPositive();
    }
}
