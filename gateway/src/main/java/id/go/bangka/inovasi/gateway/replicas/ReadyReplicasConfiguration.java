package id.go.bangka.inovasi.gateway.replicas;

import java.time.Duration;
import java.util.List;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The replicas a {@code lb://} route may use: those listed for the service whose readiness answered UP at the last
 * health check ({@code spring.cloud.loadbalancer.health-check}). Registered per service by
 * {@link LoadBalancingConfiguration}; deliberately not a component, each service gets its own instance.
 */
public class ReadyReplicasConfiguration {

    /** How long a request waits for the first health check before it is answered 503 (no replica ready). */
    static final Duration FIRST_CHECK_WAIT = Duration.ofSeconds(1);

    @Bean
    ServiceInstanceListSupplier readyReplicas(ConfigurableApplicationContext context) {
        return new FailFast(ServiceInstanceListSupplier.builder().withDiscoveryClient()
                .withHealthChecks(WebClient.create()).build(context));
    }

    /**
     * Spring Cloud's health-checked list emits nothing while no replica is healthy, which would hold a request
     * forever; this answers an empty list instead, so the route fails fast with 503.
     */
    static final class FailFast extends DelegatingServiceInstanceListSupplier {

        FailFast(ServiceInstanceListSupplier delegate) {
            super(delegate);
        }

        @Override
        public Flux<List<ServiceInstance>> get() {
            return getDelegate().get().next().timeout(FIRST_CHECK_WAIT, Mono.just(List.of())).flux();
        }
    }
}
