package id.go.bangka.inovasi.gateway.replicas;

import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Configuration;

/**
 * Routes with {@code lb://<service>} URIs (stats-service: every replica holds the whole read model) go round robin
 * to the replicas listed under {@code spring.cloud.discovery.client.simple.instances.<service>} that are ready.
 */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = ReadyReplicasConfiguration.class)
public class LoadBalancingConfiguration {
}
