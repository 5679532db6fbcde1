package id.go.bangka.inovasi.gateway.cache;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The gateway's copies of public answers to anonymous reads ({@code inovasi.gateway.public-cache.*}). */
@Configuration(proxyBeanMethods = false)
public class PublicAnswerCacheConfiguration {

    @Bean
    PublicAnswerCache publicAnswerCache(PublicAnswerCacheProperties properties, Clock clock) {
        return new PublicAnswerCache(properties, clock);
    }

    @Bean
    PublicAnswerCacheFilter publicAnswerCacheFilter(PublicAnswerCache cache, PublicAnswerCacheProperties properties,
            Clock clock, MeterRegistry meters) {
        return new PublicAnswerCacheFilter(cache, properties, clock, meters);
    }
}
