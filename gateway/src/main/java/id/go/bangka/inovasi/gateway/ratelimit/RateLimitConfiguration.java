package id.go.bangka.inovasi.gateway.ratelimit;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** Chooses the {@link RateLimitStore}: in memory, or Redis when {@code inovasi.gateway.rate-limit.store=redis}. */
@Configuration(proxyBeanMethods = false)
public class RateLimitConfiguration {

    @Bean
    RateLimitStore rateLimitStore(RateLimitProperties properties, ObjectProvider<ReactiveStringRedisTemplate> redis) {
        if (properties.store() == RateLimitProperties.Store.REDIS) {
            return new RedisRateLimitStore(redis.getObject());
        }
        return new InMemoryRateLimitStore(properties.maxKeys(), System::nanoTime);
    }
}
