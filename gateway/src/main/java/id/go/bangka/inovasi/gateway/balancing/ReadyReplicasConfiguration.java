package id.go.bangka.inovasi.gateway.balancing;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.HealthCheckServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The replicas a {@code lb://<service>} route may use: those of {@code inovasi.gateway.services.<service>} whose
 * readiness answered 2xx at the last health check (Spring Cloud LoadBalancer's health-checked supplier, timed by
 * {@code spring.cloud.loadbalancer.health-check.*}, refetching the replicas so a DNS name is resolved again).
 * Registered per service by {@link LoadBalancingConfiguration}; deliberately not a component, each service gets its
 * own instance.
 */
public class ReadyReplicasConfiguration {

    /** How long a request waits for the first health check before it is answered 503 (no replica ready). */
    static final Duration FIRST_CHECK_WAIT = Duration.ofSeconds(1);

    @Bean
    ServiceInstanceListSupplier readyReplicas(Environment environment, BackendServices services,
            LoadBalancerClientFactory clients) {
        String serviceId = environment.getRequiredProperty(LoadBalancerClientFactory.PROPERTY_NAME);
        Duration interval = clients.getProperties(serviceId).getHealthCheck().getInterval();
        ReadinessProbe probe = new ReadinessProbe(services.service(serviceId), WebClient.create(),
                interval.multipliedBy(3).dividedBy(4));
        ReplicaAddresses replicas = new ReplicaAddresses(serviceId, services.service(serviceId),
                InetAddress::getAllByName);
        return new FailFast(new HealthCheckServiceInstanceListSupplier(replicas, clients,
                (replica, defaultPath) -> probe.isReady(replica)));
    }

    /**
     * Spring Cloud's health-checked list emits nothing until the first check has answered, which would hold a request;
     * this answers an empty list instead, so the route fails fast with 503.
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
